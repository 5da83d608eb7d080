/** Reads and checks the escalation form the user submits; what the facts already say is not asked again. */

import type { Facts } from '../parsing/facts.js';
import { IMPACTS, YES_NO_UNKNOWN, type EscalationForm, type Impact, type YesNoUnknown } from './ticket.js';

export type FormField = keyof EscalationForm;

export type FormReading =
  | { readonly ok: true; readonly form: EscalationForm }
  | {
      readonly ok: false;
      readonly missing: readonly FormField[];
      readonly values: Readonly<Partial<Record<FormField, string>>>;
    };

const MAX_DEVICE_CHARS = 100;
const MAX_TRIED_CHARS = 2000;

/** What the pasted facts already tell about management: Sense running means onboarded to MDE. */
export function knownManagement(facts: Facts): Partial<Pick<EscalationForm, 'mdeOnboarded' | 'intuneManaged'>> {
  const sense = facts.services?.['sense']?.state;
  const known: { mdeOnboarded?: YesNoUnknown; intuneManaged?: YesNoUnknown } = {};
  if (sense === 'RUNNING') known.mdeOnboarded = 'yes';
  else if (sense !== undefined) known.mdeOnboarded = 'no';
  if (/intune/iu.test(facts.TamperProtectionSource ?? '')) known.intuneManaged = 'yes';
  return known;
}

/** Returns the form from submitted card data (strings), or the fields still missing with what was entered. */
export function readEscalationForm(data: Readonly<Record<string, unknown>>, facts: Facts): FormReading {
  const text = (name: string, max: number): string =>
    typeof data[name] === 'string' ? data[name].trim().slice(0, max) : '';
  const known = knownManagement(facts);
  const values = {
    deviceName: text('deviceName', MAX_DEVICE_CHARS),
    tried: text('tried', MAX_TRIED_CHARS),
    impact: text('impact', 20),
    mdeOnboarded: known.mdeOnboarded ?? text('mdeOnboarded', 10),
    intuneManaged: known.intuneManaged ?? text('intuneManaged', 10),
  };
  const missing: FormField[] = [];
  if (values.deviceName === '') missing.push('deviceName');
  if (values.tried === '') missing.push('tried');
  if (!IMPACTS.includes(values.impact as Impact)) missing.push('impact');
  if (!YES_NO_UNKNOWN.includes(values.mdeOnboarded as YesNoUnknown)) missing.push('mdeOnboarded');
  if (!YES_NO_UNKNOWN.includes(values.intuneManaged as YesNoUnknown)) missing.push('intuneManaged');
  if (missing.length > 0) return { ok: false, missing, values };
  return {
    ok: true,
    form: {
      deviceName: values.deviceName,
      tried: values.tried,
      impact: values.impact as Impact,
      mdeOnboarded: values.mdeOnboarded as YesNoUnknown,
      intuneManaged: values.intuneManaged as YesNoUnknown,
    },
  };
}
