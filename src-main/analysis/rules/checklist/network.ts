import { item, type ChecklistItem } from './item';

const WAN = ['wan', 'mpls', 'sd wan', 'network', 'networking', 'circuits', 'connectivity', 'internet'];

export const NETWORK: readonly ChecklistItem[] = [
  item(
    'NET-01', 'network', 'WAN carriers and redundancy',
    [['wan_type']],
    'medium',
    'Please describe the WAN: carriers, MPLS or SD-WAN, bandwidth per site, redundant circuits and contract end dates.',
    { carveOutImportance: 'high', parentAreas: WAN },
  ),
  item(
    'NET-02', 'network', 'Sites and how each connects',
    [['site_count', 'location_count', 'kind:site', 'device_site']],
    'medium',
    'Please list all sites (offices, plants, warehouses, data centres) with headcount and how each connects to the network.',
  ),
  item(
    'NET-03', 'network', 'Core switching and its support status',
    [['switching_platform', { attribute: 'device_role', keywords: ['switch', 'core', 'access', 'distribution'] }]],
    'medium',
    'Please state the core and access switching vendors and models with software versions and end-of-support status.',
  ),
  item(
    'NET-04', 'network', 'Firewalls and rule-set hygiene',
    [['firewall_platform', { attribute: 'device_role', keywords: ['firewall'] }]],
    'high',
    'Please list firewalls with vendor, model, software version and support status, and describe how the rule set is reviewed.',
    { carveOutImportance: 'high', parentAreas: ['firewall', 'perimeter'] },
  ),
  item(
    'NET-05', 'network', 'Segmentation (production, guest, OT)',
    [['network_segmentation']],
    'high',
    'Please describe network segmentation: separation of production, development and guest networks, and of office IT from operational technology.',
  ),
  item(
    'NET-06', 'network', 'Remote access',
    [['remote_access'], ['remote_access_mfa']],
    'high',
    'Please describe remote access: VPN or zero-trust product, whether MFA is required, and confirm that no RDP or other management interface is exposed to the internet.',
    { carveOutImportance: 'high', parentAreas: ['vpn', 'remote access'] },
  ),
  item(
    'NET-07', 'network', 'DNS, domain names and certificates',
    [],
    'medium',
    'Please list internet domain names with registrar and registrant, DNS hosting, and TLS certificates with expiry dates.',
    { carveOutImportance: 'high', parentAreas: ['dns', 'domains', 'domain names', 'certificates'] },
  ),
  item(
    'NET-08', 'network', 'IP address plan and overlap',
    [],
    'low',
    "Please provide the IP address plan so overlaps with the buyer's private address ranges can be checked.",
    { carveOutImportance: 'medium' },
  ),
  item(
    'NET-09', 'network', 'Load balancers',
    [[{ attribute: 'device_role', keywords: ['load balancer', 'adc'] }]],
    'low',
    'Please list load balancers or application delivery controllers with vendor, model and support status.',
  ),
  item(
    'NET-10', 'network', 'Network monitoring',
    [['monitoring_tool']],
    'low',
    'Please describe how the network is monitored (tooling, alerting, who responds).',
  ),
  item(
    'NET-11', 'network', 'Network diagrams',
    [[{ attribute: 'architecture_docs', keywords: ['network', 'wan', 'lan'] }]],
    'low',
    'Please provide current network diagrams (WAN, data centre, site LAN) with their last-updated dates.',
    { freshness: { attributes: ['architecture_docs'], months: 24 } },
  ),
];
