// Products the extractor recognises by name, each with the attribute(s) its mention states. A
// product names its own class ("Veeam" is backup, "CrowdStrike" is EDR), which lets prose without
// a "Key:" still yield a fact, and lets "Email: Mimecast" land on email security, not the mail platform.

import type { AttributeName } from './vocabulary';

type VersionPolicy = 'none' | 'optional' | 'required';

interface Entry {
  attrs: readonly AttributeName[];
  re: RegExp;
  /** Display name; when absent the matched text is kept (models such as "Palo Alto PA-3220"). */
  canonical?: string;
  version: VersionPolicy;
}

function p(attrs: AttributeName | readonly AttributeName[], pattern: string, canonical?: string, version: VersionPolicy = 'none'): Entry {
  return {
    attrs: typeof attrs === 'string' ? [attrs] : attrs,
    re: new RegExp(String.raw`(?<![\w])(?:${pattern})(?![\w])`, 'gi'),
    ...(canonical ? { canonical } : {}),
    version,
  };
}

const OS = 'operating_system';
const ENTRIES: readonly Entry[] = [
  // Operating systems: only with a version, which is what an end-of-life check needs.
  p(OS, String.raw`(?:Microsoft )?Windows Server`, 'Windows Server', 'required'),
  p(OS, String.raw`(?:Microsoft )?Windows (?:XP|Vista|NT(?: \d\.\d)?|7|8\.1|8|10|11)`, undefined),
  p(OS, String.raw`RHEL|Red Hat Enterprise Linux`, 'Red Hat Enterprise Linux', 'required'),
  p(OS, String.raw`CentOS(?: Linux)?`, 'CentOS', 'required'),
  p(OS, String.raw`Ubuntu(?: Linux| Server)?`, 'Ubuntu', 'required'),
  p(OS, String.raw`Debian(?: Linux)?`, 'Debian', 'required'),
  p(OS, String.raw`SUSE Linux Enterprise Server|SLES`, 'SUSE Linux Enterprise Server', 'required'),
  p(OS, String.raw`Oracle Linux`, 'Oracle Linux', 'required'),
  p(OS, String.raw`IBM i`, 'IBM i', 'required'),
  p(OS, String.raw`(?:IBM )?AIX`, 'AIX', 'required'),
  p(OS, String.raw`(?:Oracle )?Solaris`, 'Solaris', 'required'),
  // Hypervisors.
  p('hypervisor', String.raw`VMware (?:vSphere|ESXi)|vSphere|ESXi`, 'VMware vSphere', 'optional'),
  p('hypervisor', String.raw`VMware(?= \d)`, 'VMware vSphere', 'required'),
  p('hypervisor', String.raw`(?:Microsoft )?Hyper-V`, 'Hyper-V', 'optional'),
  p('hypervisor', String.raw`Nutanix AHV`, 'Nutanix AHV'),
  p('hypervisor', String.raw`Citrix (?:XenServer|Hypervisor)|XenServer`, 'Citrix Hypervisor', 'optional'),
  p('hypervisor', String.raw`Proxmox(?: VE)?`, 'Proxmox VE', 'optional'),
  p('hypervisor', String.raw`Red Hat Virtualization|RHEV`, 'Red Hat Virtualization', 'optional'),
  // Storage (models are part of the name).
  p('storage_platform', String.raw`NetApp(?: (?:FAS|AFF) ?[A-Z]?\d{3,4}\w*)?`),
  p('storage_platform', String.raw`(?:Dell )?EMC (?:CLARiiON(?: CX\d)?|VNX\w*|Unity\w*|Isilon|VMAX\w*|PowerStore|PowerMax|Data Domain)`),
  p('storage_platform', String.raw`Pure Storage(?: FlashArray)?|FlashArray`),
  p('storage_platform', String.raw`HPE? (?:3PAR|Nimble|Primera|Alletra|MSA)(?: ?\d{3,4}\w*)?`),
  p('storage_platform', String.raw`IBM (?:Storwize|FlashSystem)(?: ?V?\d{3,4}\w*)?|Hitachi VSP\w*`),
  p('storage_platform', String.raw`vSAN`, 'VMware vSAN'),
  // Backup.
  p('backup_product', String.raw`Veeam(?: Backup (?:&|and) Replication| Backup)?`, 'Veeam Backup & Replication', 'optional'),
  p('backup_product', String.raw`(?:Veritas )?Backup Exec`, 'Veritas Backup Exec', 'optional'),
  p('backup_product', String.raw`(?:Veritas )?NetBackup`, 'Veritas NetBackup', 'optional'),
  p('backup_product', String.raw`Commvault|Rubrik|Cohesity|Druva|Acronis|Arcserve|AWS Backup|Datto|Unitrends|Barracuda Backup`),
  p('backup_product', String.raw`IBM Spectrum Protect|Tivoli Storage Manager`),
  // Endpoint.
  p('edr_product', String.raw`CrowdStrike(?: Falcon)?`, 'CrowdStrike Falcon'),
  p('edr_product', String.raw`SentinelOne|Sentinel One`, 'SentinelOne'),
  p('edr_product', String.raw`(?:Microsoft )?Defender for Endpoint`, 'Microsoft Defender for Endpoint'),
  p('edr_product', String.raw`(?:VMware )?Carbon Black|Cortex XDR|Sophos Intercept X|Cylance\w*|Cybereason`),
  p('antivirus_product', String.raw`Symantec Endpoint Protection|Symantec(?: Antivirus)?`, 'Symantec Endpoint Protection', 'optional'),
  p('antivirus_product', String.raw`McAfee(?: Endpoint Security| VirusScan)?|Trend Micro(?: OfficeScan| Apex One)?|Sophos(?: Endpoint)?|ESET|Kaspersky|Windows Defender|Webroot|Bitdefender`),
  // Security operations.
  p('siem_product', String.raw`Splunk Enterprise Security|Splunk ES`, 'Splunk Enterprise Security'),
  p('siem_product', String.raw`Splunk(?: Enterprise| Cloud)?`),
  p('siem_product', String.raw`(?:Microsoft |Azure )Sentinel`, 'Microsoft Sentinel'),
  p('siem_product', String.raw`(?:IBM )?QRadar|Elastic SIEM|Elastic Security|LogRhythm|ArcSight|Sumo Logic|Exabeam|InsightIDR|Securonix|AWS Security Hub`),
  p('siem_product', String.raw`Datadog (?:Security Monitoring|Cloud SIEM)`),
  p('pam_product', String.raw`CyberArk`, 'CyberArk'),
  p('pam_product', String.raw`BeyondTrust|Delinea|Thycotic(?: Secret Server)?|Teleport|Centrify`),
  p('vulnerability_management', String.raw`Qualys|Tenable(?:\.io|\.sc)?|Nessus|(?:Rapid7 )?InsightVM|Nexpose|Snyk|(?:AWS|Amazon) Inspector|Wiz`),
  p('email_security', String.raw`Proofpoint(?: Email Protection)?`, 'Proofpoint'),
  p('email_security', String.raw`Mimecast|Barracuda Email(?: Security)?|Defender for Office 365|Abnormal Security|Cisco (?:IronPort|Secure Email)`),
  // Identity.
  p('directory_service', String.raw`Azure AD|Azure Active Directory|(?:Microsoft )?Entra ID|Microsoft Entra`, 'Microsoft Entra ID'),
  p('directory_service', String.raw`(?:Microsoft )?Active Directory`, 'Active Directory'),
  p(['directory_service', 'sso_product'], String.raw`Okta(?: Verify| Workforce Identity)?`, 'Okta'),
  p(['directory_service', 'sso_product'], String.raw`JumpCloud|OneLogin|Google Cloud Identity`),
  p(['sso_product', 'directory_service'], String.raw`Ping ?Identity|PingFederate|PingOne`, 'Ping Identity'),
  p('mdm_product', String.raw`(?:Microsoft )?Intune`, 'Microsoft Intune'),
  p('mdm_product', String.raw`Jamf(?: Pro)?|Workspace ONE|AirWatch|MobileIron|Kandji|Meraki Systems Manager`),
  p('monitoring_tool', String.raw`Datadog|SolarWinds(?: Orion)?|PRTG|Nagios|Zabbix|New Relic|Dynatrace|LogicMonitor|Prometheus|Grafana|AppDynamics`),
  // Business platforms.
  p('email_platform', String.raw`Microsoft 365|Office 365|M365|O365`, 'Microsoft 365'),
  p('email_platform', String.raw`(?:Microsoft )?Exchange(?: Server)?(?= \d{4})`, 'Exchange', 'required'),
  p('email_platform', String.raw`(?:Microsoft )?Exchange Online`, 'Microsoft Exchange Online'),
  p('email_platform', String.raw`Google Workspace|G Suite`, 'Google Workspace'),
  p('email_platform', String.raw`(?:IBM )?Lotus (?:Notes|Domino)|IBM Notes`, 'Lotus Notes', 'optional'),
  p('email_platform', String.raw`Zimbra|GroupWise`),
  p('crm_platform', String.raw`Salesforce(?: Sales Cloud| Service Cloud| CRM| Enterprise)?`, 'Salesforce'),
  p('crm_platform', String.raw`(?:Microsoft )?Dynamics (?:365 )?(?:CRM|Sales)|HubSpot|Zoho CRM|SugarCRM|Pipedrive`),
  p('erp_platform', String.raw`(?:SAP )?S\/4 ?HANA|(?:SAP )?S4HANA`, 'SAP S/4HANA'),
  p('erp_platform', String.raw`SAP ECC`, 'SAP ECC', 'optional'),
  p('erp_platform', String.raw`SAP R\/3`, 'SAP R/3', 'optional'),
  p('erp_platform', String.raw`SAP Business One|SAP (?:Business )?ByDesign`),
  p('erp_platform', String.raw`Oracle E-Business Suite|Oracle EBS`, 'Oracle E-Business Suite', 'optional'),
  p('erp_platform', String.raw`Oracle (?:Fusion|Cloud) ERP|JD ?Edwards(?: EnterpriseOne| World)?|PeopleSoft|(?:Oracle )?NetSuite`),
  p('erp_platform', String.raw`(?:Microsoft )?Dynamics (?:AX|NAV|GP|365 (?:Finance(?: and Operations)?|Business Central|F&O))`),
  p('erp_platform', String.raw`Infor (?:LN|M3|SyteLine|CloudSuite\w*|XA|Visual)|Epicor(?: Kinetic| ERP)?|Sage (?:X3|Intacct|100|300|500)|IFS (?:Applications|Cloud)|QAD|Acumatica|SYSPRO`),
  p('hr_platform', String.raw`Workday(?: HCM| HR)?`, 'Workday'),
  p('hr_platform', String.raw`ADP(?: Workforce Now| Vantage| Payroll)?`),
  p('hr_platform', String.raw`UKG(?: Pro| Dimensions)?|Kronos|BambooHR|SuccessFactors|Oracle HCM|Paychex|Ceridian|Dayforce|Paylocity|Gusto|Rippling`),
  p('core_platform', String.raw`AS\/400|AS400|IBM iSeries|iSeries|IBM System i`, 'AS/400'),
  p('core_platform', String.raw`mainframe|z\/OS`, 'Mainframe'),
  p('core_platform', String.raw`(?:Rockwell )?FactoryTalk`, 'Rockwell FactoryTalk'),
  p('core_platform', String.raw`Manhattan(?: Associates)?(?: WMS| SCALE| Active)`, 'Manhattan Associates WMS'),
  p('core_platform', String.raw`Guidewire (?:PolicyCenter|ClaimCenter|BillingCenter)|Duck Creek(?: Policy| Claims| Billing)?|Majesco`),
  p('integration_platform', String.raw`MuleSoft(?: Anypoint)?|(?:Dell )?Boomi|BizTalk|Informatica(?: PowerCenter| IICS)?|TIBCO|SnapLogic|Workato|Jitterbit`),
  p('integration_platform', String.raw`(?<!Hong )Kong(?: Gateway)?|Apigee|Amazon EventBridge|Azure (?:Logic Apps|Service Bus)|Apache Kafka|Confluent`),
  p('database_platform', String.raw`(?:Microsoft )?SQL Server`, 'SQL Server', 'optional'),
  p('database_platform', String.raw`Oracle Database|Oracle DB`, 'Oracle Database', 'optional'),
  p('database_platform', String.raw`Oracle(?= \d{1,2}[igc](?!\w))`, 'Oracle Database', 'required'),
  p('database_platform', String.raw`(?:Amazon )?Aurora (?:PostgreSQL|MySQL)`),
  p('database_platform', String.raw`PostgreSQL|Postgres`, 'PostgreSQL', 'optional'),
  p('database_platform', String.raw`MySQL`, 'MySQL', 'optional'),
  p('database_platform', String.raw`(?:IBM )?DB2(?: for i| for z\/OS| LUW)?`, undefined, 'optional'),
  p('database_platform', String.raw`MariaDB|MongoDB|Sybase|Informix|Progress OpenEdge|Cosmos ?DB|DynamoDB|Snowflake|Redshift|BigQuery`),
  p('database_platform', String.raw`(?:Microsoft |MS )?Access databases?`, 'Microsoft Access'),
  // Runtimes custom software is built on: only with a version, which is what an end-of-life check needs.
  p('software_runtime', String.raw`(?:Microsoft )?\.NET Framework`, '.NET Framework', 'required'),
  // Network.
  p('firewall_platform', String.raw`Palo Alto(?: Networks)?(?! Prisma)(?: PA-\d{3,4}\w*)?`),
  p('firewall_platform', String.raw`Fortinet|FortiGate(?:[- ]\d+\w*)?|Cisco ASA(?: \d{4}(?:-X)?)?|Cisco Firepower(?: \d+)?|Check ?Point|Juniper SRX(?: ?\d+)?|SonicWall|WatchGuard|Sophos XG|pfSense|Meraki MX\d*`),
  p('switching_platform', String.raw`Cisco (?:Catalyst|Nexus)(?: \d{3,4}\w*)?`),
  p('switching_platform', String.raw`Cisco \d{4}(?= switch| series)|Arista(?: \d{4}\w*)?|Juniper (?:EX|QFX) ?\d+\w*|HPE? ProCurve|Extreme Networks|Meraki MS\d*`),
  p('remote_access', String.raw`(?:Cisco )?AnyConnect`, 'Cisco AnyConnect VPN'),
  p('remote_access', String.raw`GlobalProtect|FortiClient|Pulse Secure|Ivanti Connect Secure|Zscaler Private Access|Citrix Gateway|NetScaler|OpenVPN|Tailscale`),
  p('wan_type', String.raw`SD-WAN`, 'SD-WAN'),
  p('wan_type', String.raw`MPLS`, 'MPLS'),
  p('wan_type', String.raw`T1`, 'T1'),
  p('wan_type', String.raw`DSL`, 'DSL'),
  p('wan_type', String.raw`leased lines?|metro ethernet`),
];

/**
 * A version written after a product: "6.7", "7.0 U3", "v11", "2012 R2", "11i", "V7R2", "E3". A
 * full stop or comma after it ends the sentence, not the version: "runs Windows Server 2008 R2."
 * keeps its R2 (a dot followed by a digit or letter would be a longer version, "6.7.3", and is not
 * cut short).
 */
const VERSION =
  /^(?:\s*:?\s*(?:version|ver\.?)\s*|\s*:\s*(?=V\d+R\d)|\s+v\.?\s?|\s+)((?:\d+(?:\.(?:\d+|x))*[a-z]?(?:\s?(?:U\d+|R2|SP\d+))?)|V\d+R\d+(?:M\d+)?|E\d)(?![\w%/-]|\.\w)/i;

export interface ProductHit {
  attrs: readonly AttributeName[];
  /** Canonical name with its version, if stated. */
  name: string;
  version?: string;
  start: number;
  end: number;
}

/** Products named in the text, longest match first at each place, left to right. */
export function findProducts(text: string): ProductHit[] {
  const candidates: ProductHit[] = [];
  for (const entry of ENTRIES) {
    entry.re.lastIndex = 0;
    for (const m of text.matchAll(entry.re)) {
      const start = m.index;
      let end = start + m[0].length;
      let name = entry.canonical ?? m[0].replace(/\s+/g, ' ');
      let version: string | undefined;
      if (entry.version !== 'none') {
        const v = VERSION.exec(text.slice(end));
        if (v?.[1]) {
          version = v[1];
          name = `${name} ${version}`;
          end += v[0].length;
        } else if (entry.version === 'required') continue;
      }
      candidates.push({ attrs: entry.attrs, name, start, end, ...(version ? { version } : {}) });
    }
  }
  candidates.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const hits: ProductHit[] = [];
  let reached = -1;
  for (const c of candidates) {
    if (c.start < reached) continue;
    hits.push(c);
    reached = c.end;
  }
  return hits;
}

const CLOUDS: ReadonlyArray<[RegExp, string]> = [
  [/(?<![\w-])(?:AWS|Amazon Web Services)(?![\w-])/g, 'AWS'],
  [/(?<![\w-])(?:Microsoft )?Azure(?! AD\b| Active Directory| DevOps| Sentinel| Logic Apps| Service Bus)(?![\w-])/g, 'Microsoft Azure'],
  [/(?<![\w-])(?:GCP|Google Cloud(?: Platform)?)(?! Identity)(?![\w-])/g, 'Google Cloud'],
  [/(?<![\w-])(?:Oracle Cloud(?: Infrastructure)?|OCI)(?![\w-])/g, 'Oracle Cloud'],
  [/(?<![\w-])(?:IBM Cloud|DigitalOcean|Alibaba Cloud)(?![\w-])/g, ''],
];

export interface CloudHit {
  name: string;
  start: number;
}

/** Public cloud providers named in the text, canonical names, left to right. */
export function findClouds(text: string): CloudHit[] {
  const hits: CloudHit[] = [];
  for (const [re, canonical] of CLOUDS) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) hits.push({ name: canonical || m[0], start: m.index });
  }
  return hits.sort((a, b) => a.start - b.start);
}
