import { item, type ChecklistItem, type Selector } from './item';

/** A company that runs nothing on premises has no data centre, hypervisor or server hardware to list. */
const CLOUD_ONLY: Selector = { attribute: 'hosting_model', keywords: ['cloud only'] };

export const INFRASTRUCTURE: readonly ChecklistItem[] = [
  item(
    'INF-01', 'infrastructure', 'Data centres and colocation sites',
    [['kind:data_center', 'data_center_location', 'data_center_type', 'data_center_contract_end', CLOUD_ONLY]],
    'high',
    'Please list data centres, server rooms and colocation sites with location, ownership, contract expiry and what runs in each.',
    {
      carveOutImportance: 'critical',
      parentAreas: ['data center', 'data centre', 'datacenter', 'colocation', 'hosting', 'server room'],
      freshness: { attributes: ['data_center_contract_end'], months: 0 },
    },
  ),
  item(
    'INF-02', 'infrastructure', 'Cloud providers, accounts and spend',
    [['kind:cloud_provider', 'cloud_provider_used'], ['cloud_monthly_spend']],
    'medium',
    'Please list cloud providers with the accounts or subscriptions, regions used, who owns each account, and monthly spend for the last twelve months.',
    { carveOutImportance: 'high', parentAreas: ['cloud', 'azure', 'aws', 'gcp', 'google cloud', 'subscription', 'landing zone'] },
  ),
  item(
    'INF-03', 'infrastructure', 'Hypervisor and server estate',
    [['hypervisor', CLOUD_ONLY], ['physical_server_count', 'virtual_machine_count', 'kind:server', CLOUD_ONLY]],
    'high',
    'Please state the hypervisor platform and version, and the number of physical servers and virtual machines by environment.',
    { carveOutImportance: 'high', parentAreas: ['virtualization', 'virtualisation', 'vmware', 'hypervisor', 'server hosting', 'infrastructure hosting', 'it infrastructure', 'infrastructure', 'servers'] },
  ),
  item(
    'INF-04', 'infrastructure', 'Storage platforms and capacity',
    [['storage_platform']],
    'low',
    'Please list storage platforms with capacity installed and used, and growth over the last year.',
    { carveOutImportance: 'medium', parentAreas: ['storage', 'san', 'nas'] },
  ),
  item(
    'INF-05', 'infrastructure', 'Hardware age and warranty',
    [[CLOUD_ONLY]],
    'medium',
    'Please provide the age and warranty or support-contract status of servers, storage and network hardware, with planned refresh dates.',
  ),
  item(
    'INF-06', 'infrastructure', 'Operating systems and platforms past end of life',
    [['server_os', 'operating_system']],
    'high',
    'Please provide the operating system and version of every server (a server inventory export), and identify any platform past its vendor end-of-support date.',
  ),
  item(
    'INF-07', 'infrastructure', 'Backup: product, retention, offline copy, restore tests',
    [['backup_product'], ['backup_retention'], ['backup_offsite_or_immutable'], ['last_restore_test']],
    'high',
    'Please describe backups: product, scope, retention, whether an immutable or offline copy exists off site, and the date and result of the last restore test.',
    { carveOutImportance: 'critical', parentAreas: ['backup', 'backups', 'restore'], freshness: { attributes: ['last_restore_test'], months: 12 } },
  ),
  item(
    'INF-08', 'infrastructure', 'Disaster recovery: site, RTO/RPO, last test',
    [['dr_site', 'dr_in_place'], ['rto_hours'], ['rpo_hours'], ['last_dr_test']],
    'critical',
    'Please describe disaster recovery: the recovery site, RTO and RPO targets for critical systems, and the date, scope and result of the last DR test.',
    { parentAreas: ['disaster recovery', 'dr', 'business continuity', 'recovery site'], freshness: { attributes: ['last_dr_test'], months: 24 } },
  ),
  item(
    'INF-09', 'infrastructure', 'Monitoring and infrastructure-as-code',
    [['monitoring_tool']],
    'low',
    'Please describe infrastructure monitoring and alerting tools, and whether infrastructure is defined as code.',
    { carveOutImportance: 'medium', parentAreas: ['monitoring', 'noc', 'network operations'] },
  ),
  item(
    'INF-10', 'infrastructure', 'End-user devices and device management',
    [['end_user_device_count'], ['mdm_product']],
    'medium',
    'Please provide the number of laptops, desktops and mobile devices, their operating systems, and the device-management tool in use.',
    { carveOutImportance: 'high', parentAreas: ['end user', 'desktop', 'laptops', 'device management', 'mdm', 'intune', 'workplace services'] },
  ),
  item(
    'INF-11', 'infrastructure', 'Architecture documentation',
    [['architecture_docs']],
    'low',
    'Please provide current infrastructure and architecture diagrams with their last-updated dates, and identify any environment that is not documented.',
    { freshness: { attributes: ['architecture_docs'], months: 24 } },
  ),
  item(
    'INF-12', 'infrastructure', 'Single points of failure and capacity headroom',
    [['data_center_risk']],
    'medium',
    'Please identify single points of failure (sites, links, systems, people) and current capacity headroom for compute, storage and network.',
  ),
];
