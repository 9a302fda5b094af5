import { item, type ChecklistItem } from './item';

const IDENTITY = ['identity', 'active directory', 'ad', 'azure ad', 'entra', 'entra id', 'directory', 'iam', 'okta', 'sso', 'single sign on'];

export const IDENTITY_ACCESS: readonly ChecklistItem[] = [
  item(
    'IAM-01', 'identity_access', 'Directories and identity providers',
    [['directory_service']],
    'high',
    'Please list Active Directory forests and domains, Entra ID (Azure AD) tenants and any other identity providers, with who administers each.',
    { carveOutImportance: 'critical', parentAreas: IDENTITY },
  ),
  item(
    'IAM-02', 'identity_access', 'Single sign-on coverage',
    [['sso_product']],
    'medium',
    'Please state the single sign-on product and the number of applications behind it, and list business applications that do not use it.',
    { carveOutImportance: 'high', parentAreas: IDENTITY },
  ),
  item(
    'IAM-03', 'identity_access', 'MFA coverage',
    [['mfa_coverage', 'mfa_enforced']],
    'critical',
    'Please state MFA coverage for all users, email, remote access and administrators (as a share of accounts), the methods allowed, and whether administrators use phishing-resistant MFA.',
  ),
  item(
    'IAM-04', 'identity_access', 'Privileged access management',
    [['pam_product', 'shared_admin_accounts']],
    'high',
    'Please describe privileged access: the PAM tool if any, whether administrators use separate admin accounts, and whether shared or root logins are in use.',
  ),
  item(
    'IAM-05', 'identity_access', 'Service accounts',
    [['service_accounts']],
    'medium',
    'Please provide the number of service accounts, how their credentials are stored and rotated, and who owns them.',
  ),
  item(
    'IAM-06', 'identity_access', 'Joiner-mover-leaver process',
    [],
    'medium',
    'Please describe the joiner-mover-leaver process and provide evidence of how quickly access is removed when someone leaves.',
  ),
  item(
    'IAM-07', 'identity_access', 'Access reviews and role-based access',
    [['access_review']],
    'medium',
    'Please describe periodic access reviews (scope, frequency, date of the last one) and the use of role-based access in key systems.',
  ),
  item(
    'IAM-08', 'identity_access', 'Password policy and legacy authentication',
    [],
    'low',
    'Please provide the password policy and confirm whether legacy authentication protocols are blocked in the directory and email.',
  ),
  item(
    'IAM-09', 'identity_access', 'Customer identity platform',
    [],
    'low',
    'Please state whether customers log in to any company system and, if so, which customer identity platform is used and how many customer accounts exist.',
  ),
  item(
    'IAM-10', 'identity_access', 'Identity or security operations provided by the parent',
    [['parent_provided_service', 'kind:tsa_service', 'tsa_provider']],
    'low',
    'Please confirm whether the parent or seller provides identity services (directory, SSO, MFA) or security operations today and, if so, the separation plan and any TSA terms.',
    { carveOutImportance: 'critical', parentAreas: [...IDENTITY, 'security operations', 'soc'], separationOnly: true },
  ),
];
