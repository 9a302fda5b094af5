import type { Domain, ValueType } from '../../../src-shared/domain';

/**
 * The attributes extractors produce and rules read. One vocabulary, so an extractor and a rule
 * can never disagree on a name. `subject` is the subject kind the attribute describes, or null
 * for a company-level fact (about the document's entity as a whole).
 */
export interface AttributeSpec {
  domain: Domain;
  subject: string | null;
  type: ValueType;
  label: string;
}

function spec(domain: Domain, subject: string | null, type: ValueType, label: string): AttributeSpec {
  return { domain, subject, type, label };
}

export const ATTRIBUTES = {
  // Applications (subject: application)
  app_vendor: spec('applications', 'application', 'text', 'Vendor'),
  app_version: spec('applications', 'application', 'text', 'Version'),
  app_category: spec('applications', 'application', 'text', 'Category'),
  app_hosting: spec('applications', 'application', 'text', 'Hosting'),
  app_users: spec('applications', 'application', 'number', 'Users'),
  app_annual_cost: spec('applications', 'application', 'money', 'Annual cost'),
  app_criticality: spec('applications', 'application', 'text', 'Criticality'),
  app_contract_end: spec('applications', 'application', 'date', 'Contract end'),
  app_owner: spec('applications', 'application', 'text', 'Owner'),
  app_lifecycle: spec('applications', 'application', 'text', 'Lifecycle stage'),
  app_parent_dependency: spec('applications', 'application', 'text', 'Carve-out / parent dependency'),
  app_renewal_window: spec('applications', 'application', 'text', 'Contract renewal window (e.g. "<90d")'),
  // Applications (company level)
  application_count: spec('applications', null, 'number', 'Applications (stated total)'),
  application_count_computed: spec('applications', null, 'number', 'Applications (counted rows)'),
  app_total_annual_cost: spec('applications', null, 'money', 'Total annual application cost (stated)'),
  app_total_annual_cost_computed: spec('applications', null, 'money', 'Total annual application cost (sum of rows)'),
  erp_platform: spec('applications', null, 'text', 'ERP platform'),
  crm_platform: spec('applications', null, 'text', 'CRM platform'),
  email_platform: spec('applications', null, 'text', 'Email and collaboration platform'),
  hr_platform: spec('applications', null, 'text', 'HR / payroll platform'),
  core_platform: spec('applications', null, 'text', 'Other core business platform'),
  integration_platform: spec('applications', null, 'text', 'Integration platform'),
  database_platform: spec('applications', null, 'text', 'Database platform'),
  software_runtime: spec('applications', null, 'text', 'Runtime or framework custom software depends on'),
  licence_exposure: spec('applications', null, 'text', 'Licence audit, true-up or compliance exposure'),

  // Infrastructure (subjects: server, data_center, cloud_provider; company level otherwise)
  server_os: spec('infrastructure', 'server', 'text', 'Operating system'),
  server_environment: spec('infrastructure', 'server', 'text', 'Environment'),
  server_role: spec('infrastructure', 'server', 'text', 'Role'),
  server_location: spec('infrastructure', 'server', 'text', 'Location / cluster'),
  server_status: spec('infrastructure', 'server', 'text', 'Status'),
  data_center_location: spec('infrastructure', 'data_center', 'text', 'Location'),
  data_center_type: spec('infrastructure', 'data_center', 'text', 'Ownership / type'),
  data_center_contract_end: spec('infrastructure', 'data_center', 'date', 'Contract end'),
  data_center_risk: spec('infrastructure', 'data_center', 'text', 'Site risk (flood zone, power…)'),
  cloud_provider_used: spec('infrastructure', 'cloud_provider', 'boolean', 'In use'),
  cloud_monthly_spend: spec('infrastructure', 'cloud_provider', 'money', 'Monthly spend'),
  hypervisor: spec('infrastructure', null, 'text', 'Hypervisor and version'),
  physical_server_count: spec('infrastructure', null, 'number', 'Physical servers'),
  virtual_machine_count: spec('infrastructure', null, 'number', 'Virtual machines'),
  storage_platform: spec('infrastructure', null, 'text', 'Storage platform'),
  operating_system: spec('infrastructure', null, 'text', 'Operating system in use'),
  backup_product: spec('infrastructure', null, 'text', 'Backup product'),
  backup_retention: spec('infrastructure', null, 'text', 'Backup retention'),
  backup_offsite_or_immutable: spec('infrastructure', null, 'boolean', 'Offsite / immutable backup copy'),
  last_restore_test: spec('infrastructure', null, 'text', 'Last restore test'),
  dr_site: spec('infrastructure', null, 'text', 'Disaster recovery site'),
  dr_in_place: spec('infrastructure', null, 'boolean', 'Disaster recovery capability in place'),
  rto_hours: spec('infrastructure', null, 'number', 'RTO (hours)'),
  rpo_hours: spec('infrastructure', null, 'number', 'RPO (hours)'),
  rto_actual_hours: spec('infrastructure', null, 'number', 'Actual recovery time achieved or estimated (hours)'),
  backup_scope_gap: spec('infrastructure', null, 'text', 'Systems outside backup scope'),
  hosting_model: spec('infrastructure', null, 'text', 'Hosting model ("cloud-only" when nothing runs on premises)'),
  infra_spend: spec('infrastructure', null, 'money', 'Annual infrastructure spend'),
  last_dr_test: spec('infrastructure', null, 'text', 'Last DR test ("never", a date or year)'),
  end_user_device_count: spec('infrastructure', null, 'number', 'End-user devices'),
  mdm_product: spec('infrastructure', null, 'text', 'Device management'),
  monitoring_tool: spec('infrastructure', null, 'text', 'Monitoring tooling'),
  stated_end_of_support: spec('infrastructure', null, 'text', 'A platform the documents themselves call end-of-life or unsupported'),
  architecture_docs: spec('infrastructure', null, 'text', 'Architecture and network documentation (with its date when stated)'),
  data_center_lease_terms: spec('infrastructure', 'data_center', 'text', 'Lease terms / exit constraint'),

  // Network (subject: network_device; company level otherwise)
  device_vendor: spec('network', 'network_device', 'text', 'Vendor'),
  device_model: spec('network', 'network_device', 'text', 'Model'),
  device_role: spec('network', 'network_device', 'text', 'Role'),
  device_site: spec('network', 'network_device', 'text', 'Site'),
  device_firmware: spec('network', 'network_device', 'text', 'Firmware / OS version'),
  device_status: spec('network', 'network_device', 'text', 'Status'),
  wan_type: spec('network', null, 'text', 'WAN (MPLS, SD-WAN, carriers)'),
  firewall_platform: spec('network', null, 'text', 'Firewall platform'),
  switching_platform: spec('network', null, 'text', 'Core switching platform'),
  network_segmentation: spec('network', null, 'text', 'Segmentation (flat, VLANs, OT separated…)'),
  remote_access: spec('network', null, 'text', 'Remote access (VPN product, RDP exposure)'),
  remote_access_mfa: spec('network', null, 'boolean', 'MFA on remote access'),
  site_count: spec('network', null, 'number', 'Sites / locations'),

  // Cybersecurity (subject: certification for certifications; company level otherwise)
  security_leader: spec('cybersecurity', null, 'text', 'Security leadership (CISO or equivalent; "none")'),
  security_team_size: spec('cybersecurity', null, 'number', 'Security staff (FTE)'),
  soc_model: spec('cybersecurity', null, 'text', 'SOC model'),
  edr_product: spec('cybersecurity', null, 'text', 'EDR product'),
  edr_coverage: spec('cybersecurity', null, 'percent', 'EDR coverage'),
  antivirus_product: spec('cybersecurity', null, 'text', 'Antivirus (non-EDR)'),
  siem_product: spec('cybersecurity', null, 'text', 'SIEM'),
  last_pen_test: spec('cybersecurity', null, 'text', 'Last penetration test ("never", a date or year)'),
  incident_response_plan: spec('cybersecurity', null, 'boolean', 'Incident response plan exists'),
  security_incident: spec('cybersecurity', null, 'text', 'Security incident reported'),
  vulnerability_management: spec('cybersecurity', null, 'text', 'Vulnerability scanning / patching'),
  email_security: spec('cybersecurity', null, 'text', 'Email security'),
  cyber_insurance: spec('cybersecurity', null, 'text', 'Cyber insurance'),
  security_awareness_training: spec('cybersecurity', null, 'text', 'Awareness training'),
  data_residency: spec('cybersecurity', null, 'text', 'Data residency'),
  encryption: spec('cybersecurity', null, 'text', 'Encryption at rest / in transit'),
  certification_status: spec('cybersecurity', 'certification', 'text', 'Status'),
  certification_expiry: spec('cybersecurity', 'certification', 'date', 'Expiry / renewal'),

  // Identity & access (company level)
  directory_service: spec('identity_access', null, 'text', 'Directory / identity provider'),
  sso_product: spec('identity_access', null, 'text', 'Single sign-on'),
  mfa_coverage: spec('identity_access', null, 'percent', 'MFA coverage (share of users)'),
  mfa_enforced: spec('identity_access', null, 'boolean', 'MFA enforced for all users'),
  pam_product: spec('identity_access', null, 'text', 'Privileged access management'),
  access_review: spec('identity_access', null, 'text', 'Access reviews'),
  shared_admin_accounts: spec('identity_access', null, 'boolean', 'Shared or generic admin accounts in use'),
  service_accounts: spec('identity_access', null, 'text', 'Service accounts and their governance'),

  // Organization (subjects: vendor, tsa_service, role; company level otherwise)
  employee_count: spec('organization', null, 'number', 'Employees'),
  revenue: spec('organization', null, 'money', 'Annual revenue'),
  it_headcount: spec('organization', null, 'number', 'IT staff (FTE)'),
  it_contractor_count: spec('organization', null, 'number', 'IT contractors'),
  it_vacancies: spec('organization', null, 'number', 'Open IT positions'),
  it_budget: spec('organization', null, 'money', 'Annual IT budget'),
  it_capex: spec('organization', null, 'money', 'IT capital spend'),
  it_opex: spec('organization', null, 'money', 'IT operating spend'),
  it_personnel_cost: spec('organization', null, 'money', 'IT personnel cost (annual)'),
  it_attrition: spec('organization', null, 'text', 'IT staff turnover, departures or flight risk'),
  deferred_investment: spec('organization', null, 'text', 'Deferred investment or unfunded backlog'),
  change_of_control: spec('organization', null, 'text', 'Change-of-control or assignment terms in contracts'),
  it_leader: spec('organization', null, 'text', 'IT leader and reporting line'),
  key_person_dependency: spec('organization', null, 'text', 'Key-person dependency'),
  location_count: spec('organization', null, 'number', 'Locations / sites'),
  role_headcount: spec('organization', 'role', 'number', 'Headcount in role'),
  vendor_service: spec('organization', 'vendor', 'text', 'Service provided'),
  vendor_contract_end: spec('organization', 'vendor', 'date', 'Contract end'),
  tsa_provider: spec('organization', 'tsa_service', 'text', 'Provided by (parent / seller)'),
  tsa_duration_months: spec('organization', 'tsa_service', 'number', 'TSA term (months)'),
  tsa_monthly_cost: spec('organization', 'tsa_service', 'money', 'TSA monthly cost'),
  tsa_exit_plan: spec('organization', 'tsa_service', 'text', 'TSA service levels or exit criteria'),
  parent_provided_service: spec('organization', null, 'text', 'Service provided today by the parent / seller'),
  role_contractor_count: spec('organization', 'role', 'number', 'Contractors in role'),
} as const satisfies Record<string, AttributeSpec>;

export type AttributeName = keyof typeof ATTRIBUTES;

export function isAttributeName(name: string): name is AttributeName {
  return Object.hasOwn(ATTRIBUTES, name);
}
