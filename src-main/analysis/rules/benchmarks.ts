import type { CostBand } from '../../../src-shared/domain';
import type { FactIndex } from './fact-index';
import { numberOf } from './values';

/**
 * Starting assumptions for cost bands and staffing ratios, taken from the benchmark files in the
 * shared knowledge folder (cost-benchmarks/cost_activities.csv and it_staffing_profiles.json,
 * compiled by the system this product replaces). They are shown to the user as assumptions; only
 * the few rows the rules use are copied here so rules stay pure functions without file access.
 */

export type CompanySize = 'small' | 'medium' | 'large' | 'enterprise';

interface Activity {
  name: string;
  /** One-time cost range [low, high] in USD by company size. */
  ranges: Record<CompanySize, readonly [number, number]>;
}

function ranges(s: [number, number], m: [number, number], l: [number, number], e: [number, number]): Activity['ranges'] {
  return { small: s, medium: m, large: l, enterprise: e };
}

export const COST_ACTIVITIES = {
  'INFRA-002': { name: 'Network Infrastructure Refresh', ranges: ranges([15e3, 50e3], [50e3, 150e3], [150e3, 400e3], [400e3, 1.5e6]) },
  'INFRA-003': { name: 'Server Infrastructure Refresh', ranges: ranges([20e3, 75e3], [75e3, 250e3], [250e3, 750e3], [750e3, 3e6]) },
  'CLOUD-003': { name: 'Microsoft 365 Migration', ranges: ranges([5e3, 20e3], [20e3, 75e3], [75e3, 200e3], [200e3, 600e3]) },
  'ERP-002': { name: 'SAP S/4HANA Implementation', ranges: ranges([200e3, 500e3], [500e3, 1.5e6], [1.5e6, 5e6], [5e6, 20e6]) },
  'APP-003': { name: 'Custom Application Modernization', ranges: ranges([50e3, 150e3], [150e3, 400e3], [400e3, 1e6], [1e6, 3.5e6]) },
  'IAM-007': { name: 'MFA Rollout (Standalone)', ranges: ranges([10e3, 30e3], [30e3, 80e3], [80e3, 200e3], [200e3, 500e3]) },
  'SEC-002': { name: 'EDR Deployment', ranges: ranges([10e3, 30e3], [30e3, 80e3], [80e3, 200e3], [200e3, 500e3]) },
  'DR-002': { name: 'Disaster Recovery Plan Development', ranges: ranges([15e3, 40e3], [40e3, 100e3], [100e3, 250e3], [250e3, 600e3]) },
  'DR-004': { name: 'DR Site Setup', ranges: ranges([50e3, 150e3], [150e3, 400e3], [400e3, 1e6], [1e6, 3.5e6]) },
  'MA-006': { name: 'Carve-Out IT Separation', ranges: ranges([150e3, 400e3], [400e3, 1e6], [1e6, 3e6], [3e6, 10e6]) },
  'MA-002': { name: 'Day 1 Readiness Program', ranges: ranges([50e3, 150e3], [150e3, 400e3], [400e3, 1e6], [1e6, 3e6]) },
  'MA-003': { name: 'Transition Services Agreement (TSA) Management', ranges: ranges([25e3, 75e3], [75e3, 200e3], [200e3, 500e3], [500e3, 1.5e6]) },
  'MA-009': { name: 'License True-Up and Optimization', ranges: ranges([20e3, 60e3], [60e3, 180e3], [180e3, 450e3], [450e3, 1e6]) },
  'IAM-003': { name: 'Active Directory Migration/Consolidation', ranges: ranges([25e3, 75e3], [75e3, 200e3], [200e3, 500e3], [500e3, 1.5e6]) },
  'SEC-001': { name: 'SIEM Implementation (Splunk/Sentinel)', ranges: ranges([50e3, 150e3], [150e3, 400e3], [400e3, 1e6], [1e6, 3e6]) },
  'SEC-004': { name: 'Vulnerability Management Program', ranges: ranges([20e3, 50e3], [50e3, 150e3], [150e3, 400e3], [400e3, 1e6]) },
  'SEC-005': { name: 'Security Compliance Remediation (SOC2/ISO27001)', ranges: ranges([30e3, 80e3], [80e3, 200e3], [200e3, 500e3], [500e3, 1.5e6]) },
  'SEC-013': { name: 'Security Operations Center Setup', ranges: ranges([100e3, 300e3], [300e3, 800e3], [800e3, 2e6], [2e6, 6e6]) },
  'INFRA-001': { name: 'Data Center Consolidation', ranges: ranges([100e3, 300e3], [300e3, 800e3], [800e3, 2e6], [2e6, 10e6]) },
  'ITSM-001': { name: 'ServiceNow ITSM Implementation', ranges: ranges([75e3, 200e3], [200e3, 500e3], [500e3, 1.2e6], [1.2e6, 4.5e6]) },
  'HCM-002': { name: 'ADP Workforce Now Implementation', ranges: ranges([15e3, 40e3], [40e3, 100e3], [100e3, 250e3], [250e3, 600e3]) },
  'MA-008': { name: 'Vendor Contract Rationalization', ranges: ranges([25e3, 75e3], [75e3, 200e3], [200e3, 500e3], [500e3, 1.2e6]) },
  'DR-001': { name: 'Enterprise Backup Solution Implementation', ranges: ranges([20e3, 60e3], [60e3, 150e3], [150e3, 400e3], [400e3, 1e6]) },
} satisfies Record<string, Activity>;

export type ActivityId = keyof typeof COST_ACTIVITIES;

export interface SizeEstimate {
  size: CompanySize;
  /** How the size was decided, for reasoning text. */
  basis: string;
}

/** Company size from stated employees, else revenue; medium when neither is known. */
export function companySize(index: FactIndex): SizeEstimate {
  const employees = index.company('employee_count').map(numberOf).find((n): n is number => n !== null);
  if (employees !== undefined) {
    const size: CompanySize = employees < 250 ? 'small' : employees < 1000 ? 'medium' : employees < 5000 ? 'large' : 'enterprise';
    return { size, basis: `${employees} employees` };
  }
  const revenue = index.company('revenue').map(numberOf).find((n): n is number => n !== null);
  if (revenue !== undefined) {
    const size: CompanySize = revenue < 50e6 ? 'small' : revenue < 250e6 ? 'medium' : revenue < 1e9 ? 'large' : 'enterprise';
    return { size, basis: `revenue ${revenue}` };
  }
  return { size: 'medium', basis: 'size not stated, medium assumed' };
}

export interface CostEstimate {
  band: CostBand;
  /** "Benchmark INFRA-003 Server Infrastructure Refresh, medium company (250 employees): 75k–250k". */
  note: string;
}

export function benchmarkCost(activity: ActivityId, size: SizeEstimate): CostEstimate {
  const a = COST_ACTIVITIES[activity];
  const [low, high] = a.ranges[size.size];
  return {
    band: bandFor((low + high) / 2),
    note: `benchmark ${activity} "${a.name}" for a ${size.size} company (${size.basis}): ${short(low)}–${short(high)} one-time (starting assumption)`,
  };
}

function bandFor(amount: number): CostBand {
  if (amount < 25e3) return 'under_25k';
  if (amount < 100e3) return '25k_100k';
  if (amount < 500e3) return '100k_500k';
  if (amount < 1e6) return '500k_1m';
  return 'over_1m';
}

function short(n: number): string {
  return n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`;
}

/** IT staff per employee by company profile: employees range and [min, max] ratio. */
const STAFFING_PROFILES: ReadonlyArray<{ id: string; employees: readonly [number, number]; ratio: readonly [number, number] }> = [
  { id: 'smb_general', employees: [0, 100], ratio: [0.02, 0.08] },
  { id: 'smb_manufacturing', employees: [50, 250], ratio: [0.02, 0.05] },
  { id: 'midmarket_manufacturing', employees: [200, 1500], ratio: [0.02, 0.05] },
  { id: 'midmarket_professional_services', employees: [100, 800], ratio: [0.03, 0.08] },
  { id: 'midmarket_healthcare', employees: [300, 3000], ratio: [0.025, 0.055] },
  { id: 'midmarket_financial_services', employees: [150, 1000], ratio: [0.03, 0.07] },
  { id: 'enterprise_general', employees: [1000, 50000], ratio: [0.025, 0.06] },
];

/**
 * The widest expected IT-staff-per-employee band over every profile that fits the headcount: the
 * industry is rarely known to the rules, so only ratios outside all plausible profiles are outliers.
 */
export function staffingBand(employees: number): { min: number; max: number; profiles: string[] } | null {
  const fits = STAFFING_PROFILES.filter((p) => employees >= p.employees[0] && employees <= p.employees[1]);
  if (fits.length === 0) return null;
  return {
    min: Math.min(...fits.map((p) => p.ratio[0])),
    max: Math.max(...fits.map((p) => p.ratio[1])),
    profiles: fits.map((p) => p.id),
  };
}
