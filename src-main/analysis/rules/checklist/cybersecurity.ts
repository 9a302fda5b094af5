import { item, type ChecklistItem } from './item';

const SECOPS = ['security operations', 'soc', 'siem', 'security monitoring', 'incident response', 'cybersecurity', 'information security'];

export const CYBERSECURITY: readonly ChecklistItem[] = [
  item(
    'SEC-01', 'cybersecurity', 'Security leadership and SOC model',
    [['security_leader', 'security_team_size'], ['soc_model']],
    'critical',
    'Please identify who leads information security (CISO or equivalent), the size of the security team, and how security monitoring is run (in-house SOC, outsourced MDR/SOC, or none).',
    { parentAreas: SECOPS },
  ),
  item(
    'SEC-02', 'cybersecurity', 'Security policies and awareness training',
    [['security_awareness_training']],
    'medium',
    'Please provide the information security policy set with approval dates, and awareness-training completion rates and phishing-simulation results for the last year.',
  ),
  item(
    'SEC-03', 'cybersecurity', 'Endpoint detection and response coverage',
    [['edr_product', 'antivirus_product'], ['edr_coverage']],
    'high',
    'Please state the endpoint detection and response product and the share of servers and end-user devices it covers.',
    { carveOutImportance: 'critical', parentAreas: ['edr', 'endpoint', 'antivirus', 'endpoint protection'] },
  ),
  item(
    'SEC-04', 'cybersecurity', 'Vulnerability scanning and patching',
    [['vulnerability_management']],
    'high',
    'Please describe vulnerability scanning (tool, frequency, scope) and patching targets, and provide current counts of open critical and high vulnerabilities with their age.',
  ),
  item(
    'SEC-05', 'cybersecurity', 'Penetration tests',
    [['last_pen_test']],
    'high',
    'Please provide the reports (or executive summaries) of penetration tests from the last two years: date, scope, findings by severity and remediation status.',
    { freshness: { attributes: ['last_pen_test'], months: 24 } },
  ),
  item(
    'SEC-06', 'cybersecurity', 'SIEM and log retention',
    [['siem_product']],
    'high',
    'Please state the SIEM or log-management platform, which sources feed it, log retention, and who monitors its alerts.',
    { carveOutImportance: 'critical', parentAreas: ['siem', 'log management', 'security monitoring'] },
  ),
  item(
    'SEC-07', 'cybersecurity', 'Email security',
    [['email_security']],
    'medium',
    'Please describe email security: SPF, DKIM and DMARC policy status for all sending domains, and the advanced threat protection in use.',
    { carveOutImportance: 'high', parentAreas: ['email', 'mail', 'exchange', 'microsoft 365', 'office 365', 'm365'] },
  ),
  item(
    'SEC-08', 'cybersecurity', 'Incident response plan and incident history',
    [['incident_response_plan'], ['security_incident']],
    'high',
    'Please provide the incident response plan with the date of the last exercise, and a list of security incidents of the last three years (including ransomware, business-email compromise and data breaches) with their outcome. If none, please confirm.',
    { parentAreas: ['incident response'] },
  ),
  item(
    'SEC-09', 'cybersecurity', 'Certifications and compliance gaps',
    [['kind:certification', 'certification_status', 'certification_expiry']],
    'medium',
    'Please list security certifications and attestations (SOC 2, ISO 27001, PCI DSS…) with scope, latest report, expiry or renewal date and any open non-conformities.',
    { freshness: { attributes: ['certification_expiry'], months: 0 } },
  ),
  item(
    'SEC-10', 'cybersecurity', 'Cyber insurance',
    [['cyber_insurance']],
    'medium',
    'Please provide the cyber insurance policy (limits, retention, exclusions) and any claims made in the last five years.',
  ),
  item(
    'SEC-11', 'cybersecurity', 'Encryption, personal data and residency',
    [['encryption'], ['data_residency']],
    'medium',
    'Please describe encryption at rest and in transit, where personal data is processed and stored (countries and providers), and the data-protection compliance position.',
  ),
  item(
    'SEC-12', 'cybersecurity', 'Third-party risk management',
    [],
    'low',
    'Please describe how vendors with access to systems or data are assessed for security risk, and provide the list of such vendors.',
  ),
  item(
    'SEC-13', 'cybersecurity', 'Web application firewall and perimeter defences',
    [['firewall_platform']],
    'medium',
    'Please describe perimeter defences: firewalls, web application firewall for internet-facing applications, DDoS protection and secure web gateway.',
    { carveOutImportance: 'high', parentAreas: ['firewall', 'perimeter', 'waf'] },
  ),
];
