import { benchmarkCost, companySize } from '../benchmarks';
import { companySubject, finding, type RuleEnv } from '../draft';
import type { FindingDraft } from '../types';
import { isNone, quoteFacts, textOf, words } from '../values';

/** Network architecture: a flat network lets one compromised machine reach everything. */

const FLAT = /\b(?:flat|no (?:[a-z]+ ){0,3}segmentation|not segmented|unsegmented|no vlans?|single vlan|single broadcast domain|no separation)\b/;
const SEGMENTED = /\b(?:not flat|no longer flat|segmented into|micro segment)/;
const OT = /\b(?:ot|ics|scada|plc|plcs|operational technology|production floor|shop floor|manufacturing)\b/;

export function networkFindings(env: RuleEnv): FindingDraft[] {
  const asOf = env.deal.asOfDate;
  const flat = env.facts.company('network_segmentation').filter((f) => {
    const w = words(textOf(f.value));
    // "None" as the answer to "segmentation" means a flat network.
    return (isNone(f) || FLAT.test(w)) && !SEGMENTED.test(w);
  });
  if (flat.length === 0) return [];
  const ot = flat.some((f) => OT.test(words(textOf(f.value))));
  const severity = ot ? 'critical' : 'high';
  const cost = benchmarkCost('INFRA-002', companySize(env.facts));
  const because = `segmentation is described as ${quoteFacts(flat)}${ot ? ', including operational technology' : ''}.`;
  return [
    finding({
      ruleId: 'net.flat', subjectKeys: [companySubject('segmentation')], type: 'risk', domain: 'network', severity, lens: 'day_1_continuity',
      title: ot ? 'Flat network shared with operational technology' : 'Flat network',
      description: 'Without segmentation, malware on one laptop can reach servers, backups and (where present) production systems; it also blocks a safe connection to the buyer’s network.',
      because, threshold: 'a flat network is high; critical when operational technology shares it', asOfDate: asOf, facts: flat,
    }),
    finding({
      ruleId: 'net.segmentation', subjectKeys: [companySubject('segmentation')], type: 'work_item', domain: 'network', severity, lens: 'separation_complexity',
      phase: 'day_100', costBand: cost.band,
      title: 'Segment the network before connecting it to the buyer',
      description: 'Separate servers, users, guests and operational technology into zones with firewall rules between them.',
      because: `${because} Cost band from ${cost.note}.`, threshold: 'segmentation is a precondition for network integration', asOfDate: asOf, facts: flat,
    }),
  ];
}
