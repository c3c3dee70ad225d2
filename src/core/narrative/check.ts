// Checks an officer's own 情况说明 against the tables (SPEC §6): the reader turns each stated figure
// into a claim about its sentence's subject and every claim rule of rules/ judges it; the text rules
// read the lines themselves (placeholders, template remnants, years, reasons, repeats, coverage).
// Findings carry the 1-based line and the quoted sentence; the same finding is reported once.
import type { Finding } from '../findings';
import type { Detection } from '../tables/types';
import { extractFacts } from './facts';
import { alternativeBases, buildEntities } from './entities';
import { readNarrative } from './reader';
import { makeResolver } from './resolver';
import { NARRATIVE_RULES, TEXT_RULES, type RuleContext, type TextContext } from './rules';

export function checkNarrative(text: string, detection: Detection): Finding[] {
  const facts = extractFacts(detection);
  const entities = buildEntities(facts);
  const { claims, described, lines } = readNarrative(text, entities, makeResolver(entities));
  const ctx: RuleContext = { facts, alternativeBases: alternativeBases(facts) };
  const out: Finding[] = [];
  for (const c of claims) for (const rule of NARRATIVE_RULES) out.push(...rule(c, ctx));
  const tctx: TextContext = { facts, lines, described, claims };
  for (const rule of TEXT_RULES) out.push(...rule(tctx));
  const seen = new Set<string>();
  return out
    .filter((f) => {
      const key = `${f.line}|${f.rule}|${f.severity}|${f.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
