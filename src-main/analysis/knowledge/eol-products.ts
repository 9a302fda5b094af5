/**
 * Which endoflife.date products the app ships, and the extra names each is known by in data rooms.
 *
 * Only products an IT due-diligence data room plausibly mentions are kept: the JSON stays small,
 * and every product left out is one less source of false matches in free text (consumer phones,
 * games engines and JavaScript tooling share names with ordinary words). The product title and
 * the title without its vendor prefix are added automatically; EXTRA_NAMES holds what people
 * actually write ("vSphere", "SQL Server", "AS/400").
 */

export const INCLUDED_PRODUCTS: readonly string[] = [
  // Server, desktop and appliance operating systems, hypervisors
  'almalinux', 'alpine-linux', 'amazon-linux', 'centos', 'centos-stream', 'debian', 'fedora', 'freebsd',
  'ibm-aix', 'ibm-i', 'linux-kernel', 'macos', 'openbsd', 'opensuse', 'oracle-linux', 'oracle-solaris',
  'rhel', 'rocky-linux', 'sles', 'ubuntu', 'windows', 'windows-embedded', 'windows-nano-server',
  'windows-server', 'windows-server-core', 'vmware-esxi', 'vmware-photon', 'proxmox-ve', 'xcp-ng',
  'nutanix-aos', 'nutanix-prism', 'nutanix-files', 'ovirt', 'vmware-vcenter', 'vmware-cloud-foundation',
  'vmware-srm', 'citrix-vad', 'omnissa-horizon', 'virtualbox',
  // Network and storage operating systems
  'big-ip', 'cisco-ios-xe', 'fortios', 'pan-os', 'pan-gp', 'routeros', 'sns-firmware', 'opnsense',
  'netapp-ontap', 'netbackup-appliance-os',
  // Databases and data platforms
  'apache-cassandra', 'apache-couchdb', 'apache-hadoop', 'clickhouse', 'cockroachdb', 'couchbase-server',
  'elasticsearch', 'hbase', 'ibm-db2', 'mariadb', 'memcached', 'mongodb', 'mssqlserver', 'mysql', 'neo4j',
  'opensearch', 'oracle-database', 'postgresql', 'redis', 'sqlite', 'valkey', 'amazon-rds-mysql',
  'amazon-rds-postgresql', 'amazon-rds-mariadb', 'amazon-aurora-postgresql',
  // Server software, middleware, email and collaboration
  'apache-activemq', 'apache-http-server', 'apache-kafka', 'apache-subversion', 'apache-spark', 'artifactory',
  'azure-devops-server', 'bamboo', 'bitbucket', 'coldfusion', 'confluence', 'controlm', 'dovecot', 'drupal',
  'eclipse-jetty', 'exim', 'gitlab', 'grafana', 'graylog', 'hashicorp-vault', 'ibm-mq', 'jenkins',
  'jira-software', 'joomla', 'keycloak', 'kibana', 'kubernetes', 'logstash', 'magento', 'mattermost',
  'moodle', 'msexchange', 'mule-runtime', 'nextcloud', 'nexus', 'nginx', 'postfix', 'prometheus',
  'rabbitmq', 'rancher', 'red-hat-jboss-eap', 'red-hat-openshift', 'red-hat-satellite',
  'red-hat-ansible-automation-platform', 'sharepoint', 'solr', 'sonarqube-server', 'splunk', 'squid',
  'suse-manager', 'tomcat', 'typo3', 'umbraco', 'wordpress', 'zabbix', 'zookeeper', 'haproxy', 'icinga',
  'checkmk', 'centreon', 'puppet', 'filemaker', 'looker', 'amazon-eks', 'azure-kubernetes-service',
  'google-kubernetes-engine',
  // Backup and recovery
  'commvault', 'veeam-backup-and-replication', 'veeam-backup-for-microsoft-365', 'veeam-one', 'zerto',
  'proxmox-backup-server',
  // Desktop software and browsers
  'chrome', 'firefox', 'internet-explorer', 'office', 'libreoffice', 'visual-studio', 'pan-cortex-xdr',
  // Languages, runtimes and frameworks whose end of life is a technical-debt finding
  'php', 'python', 'perl', 'ruby', 'nodejs', 'dotnet', 'dotnetfx', 'oracle-jdk', 'eclipse-temurin',
  'amazon-corretto', 'azul-zulu', 'openjdk-builds-from-oracle', 'red-hat-build-of-openjdk',
  'microsoft-build-of-openjdk', 'ibm-semeru', 'powershell', 'windows-powershell', 'visual-cobol',
  'angularjs', 'angular', 'apache-struts', 'log4j', 'spring-boot', 'spring-framework', 'django', 'laravel',
  'symfony', 'ruby-on-rails', 'openssl',
  // Standards with retirement dates
  'tls', 'pci-dss',
];

/** Names people write for a product, beyond its title. Lower case; punctuation is ignored when matching. */
export const EXTRA_NAMES: Readonly<Record<string, readonly string[]>> = {
  'vmware-esxi': ['esxi', 'esx', 'vsphere', 'vmware vsphere', 'vsphere esxi', 'vmware esx', 'vmware'],
  'vmware-vcenter': ['vcenter', 'vcenter server', 'vmware vcenter'],
  'windows-server': ['windows server', 'windows', 'ms windows server', 'win server'],
  'windows': ['windows', 'ms windows'],
  'mssqlserver': ['sql server', 'ms sql', 'ms sql server', 'mssql', 'microsoft sql'],
  'msexchange': ['exchange', 'exchange server', 'microsoft exchange server', 'ms exchange'],
  'sharepoint': ['sharepoint server', 'microsoft sharepoint server'],
  'internet-explorer': ['ie', 'msie', 'microsoft internet explorer'],
  'office': ['ms office', 'office professional plus'],
  'rhel': ['rhel', 'red hat enterprise linux', 'redhat enterprise linux'],
  'sles': ['sles', 'suse linux enterprise', 'suse enterprise linux'],
  'ibm-i': ['ibm i', 'as400', 'as 400', 'os400', 'os 400', 'iseries', 'i series', 'ibm iseries'],
  'ibm-aix': ['aix'],
  'oracle-solaris': ['solaris', 'sun solaris'],
  'oracle-database': ['oracle', 'oracle db', 'oracle rdbms'],
  'oracle-jdk': ['java', 'java se', 'oracle java', 'oracle java se', 'jdk', 'jre', 'oracle jre'],
  'ibm-db2': ['db2'],
  'postgresql': ['postgres', 'pgsql'],
  'coldfusion': ['coldfusion', 'cold fusion', 'adobe coldfusion enterprise'],
  'apache-http-server': ['apache', 'apache httpd', 'httpd'],
  'tomcat': ['apache tomcat'],
  'veeam-backup-and-replication': ['veeam', 'veeam backup', 'veeam b r', 'veeam vbr'],
  'citrix-vad': ['citrix cvad'],
  'netapp-ontap': ['ontap', 'data ontap'],
  'nutanix-aos': ['nutanix aos'],
  'proxmox-ve': ['proxmox', 'pve'],
  'cisco-ios-xe': ['ios xe', 'iosxe'],
  'pan-os': ['pan os', 'panos', 'palo alto pan os'],
  'big-ip': ['f5 big ip', 'bigip'],
  'nodejs': ['node.js', 'nodejs'],
  'dotnet': ['.net', '.net core', 'dotnet'],
  'dotnetfx': ['.net framework', 'dotnet framework'],
  'red-hat-jboss-eap': ['jboss', 'jboss eap', 'red hat jboss eap'],
  'pci-dss': ['pci dss', 'pci'],
  'tls': ['tls'],
  'log4j': ['log4j'],
  'angularjs': ['angular.js'],
  'azure-devops-server': ['tfs', 'team foundation server'],
};

/**
 * Vendor words stripped from titles to get the name people use ("Microsoft Exchange" → "exchange").
 * Longer prefixes first so "palo alto networks" wins over a shorter one.
 */
export const VENDOR_PREFIXES: readonly string[] = [
  'palo alto networks', 'red hat', 'microsoft', 'vmware', 'apache', 'oracle', 'ibm', 'adobe', 'google',
  'amazon', 'apple', 'cisco', 'hashicorp', 'eclipse', 'hpe', 'suse',
];

/** Remainders too generic to stand alone ("Oracle Database" must not make "database 12" a match). */
export const GENERIC_REMAINDERS: ReadonlySet<string> = new Set([
  'database', 'linux', 'server', 'os', 'jdk', 'java', 'mq', 'i',
]);

/**
 * Names derived from titles or URLs that are ordinary words in infrastructure prose or belong to
 * other products: "node 4 of the cluster", "Cisco Nexus 7000", "spring 2026", "Linux 2 servers".
 */
export const EXCLUDED_NAMES: ReadonlySet<string> = new Set([
  'linux', 'node', 'nexus', 'satellite', 'prism', 'vault', 'spring', 'spark', 'roro', 'enterprise linux',
]);
