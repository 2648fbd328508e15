/**
 * Per-step measures, following the GOV.UK service performance measures (volume, cost per
 * transaction, completion rate, user satisfaction) with the staff time and failure rate a
 * cost case needs. One table holds each measure's label, unit and range, for the inspector,
 * the exports, the file format and the analysis alike.
 */
import type { StepMetrics } from "./model";

export type MetricKey = keyof StepMetrics;

export interface MetricDefinition {
  key: MetricKey;
  /** What the measure is, as a label in a form or a column heading. */
  label: string;
  /** The unit, spelled out for a reader: "transactions a year", "£ per transaction". */
  unit: string;
  /** The unit as written after a value: "/yr", "£", "min", "%". */
  symbol: string;
  min: number;
  max: number;
  /** Only whole numbers (a count of transactions). */
  whole: boolean;
  /** Whose figure it is: the organisation that owns the step, or the step's users. */
  of: "organisation" | "users";
  /** A sentence for the help text under the field. */
  help: string;
}

/** Ten billion: more transactions a year than any UK service handles. */
const MAX_VOLUME = 10_000_000_000;

/** Every per-step measure, in the order forms and exports list them. */
export const METRICS: readonly MetricDefinition[] = [
  {
    key: "volumePerYear",
    label: "Volume a year",
    unit: "transactions a year",
    symbol: "a year",
    min: 0,
    max: MAX_VOLUME,
    whole: true,
    of: "users",
    help: "How many times a year this step is done.",
  },
  {
    key: "costPerTransactionGbp",
    label: "Cost to serve",
    unit: "£ per transaction",
    symbol: "£",
    min: 0,
    max: 1_000_000,
    whole: false,
    of: "organisation",
    help: "What one transaction costs the organisation that owns the step, in pounds.",
  },
  {
    key: "staffMinutesPerTransaction",
    label: "Staff handling time",
    unit: "minutes per transaction",
    symbol: "min",
    min: 0,
    max: 525_600,
    whole: false,
    of: "organisation",
    help: "Minutes of the organisation's staff time one transaction takes.",
  },
  {
    key: "completionRatePercent",
    label: "Completion rate",
    unit: "% of those who start",
    symbol: "%",
    min: 0,
    max: 100,
    whole: false,
    of: "users",
    help: "Of those who start this step, the share who complete it.",
  },
  {
    key: "failureRatePercent",
    label: "Failure rate",
    unit: "% of transactions",
    symbol: "%",
    min: 0,
    max: 100,
    whole: false,
    of: "users",
    help: "The share of transactions that fail or have to be done again.",
  },
  {
    key: "satisfactionPercent",
    label: "User satisfaction",
    unit: "% satisfied",
    symbol: "%",
    min: 0,
    max: 100,
    whole: false,
    of: "users",
    help: "The share of users satisfied or very satisfied with this step.",
  },
];

export const METRIC_KEYS: readonly MetricKey[] = METRICS.map((m) => m.key);

const BY_KEY = new Map(METRICS.map((m) => [m.key, m]));

/** The definition of one measure. */
export function metricDefinition(key: MetricKey): MetricDefinition {
  return BY_KEY.get(key) as MetricDefinition;
}

/** A step's measures before anything is known: every one null. */
export function emptyMetrics(): StepMetrics {
  return {
    volumePerYear: null,
    costPerTransactionGbp: null,
    staffMinutesPerTransaction: null,
    completionRatePercent: null,
    failureRatePercent: null,
    satisfactionPercent: null,
  };
}

/** True when no measure of the step is known. */
export function hasNoMetrics(metrics: StepMetrics): boolean {
  return METRIC_KEYS.every((key) => metrics[key] === null);
}

/**
 * Why a value cannot be a measure, or null when it can: a finite number within the measure's
 * range (a whole number for a volume). Null (not known) is always allowed.
 */
export function metricValueProblem(key: MetricKey, value: number | null): string | null {
  if (value === null) return null;
  const def = metricDefinition(key);
  if (typeof value !== "number" || !Number.isFinite(value)) return "must be a number";
  if (Object.is(value, -0)) return "must not be -0";
  if (value < def.min || value > def.max)
    return `must be from ${formatLimit(def.min)} to ${formatLimit(def.max)} (${def.unit})`;
  if (def.whole && !Number.isInteger(value)) return "must be a whole number";
  return null;
}

function formatLimit(value: number): string {
  return value.toLocaleString("en-GB");
}

/** A measure written with its unit for a reader: "650,000 a year", "£4.20", "12 min", "85%". */
export function formatMetric(key: MetricKey, value: number | null): string {
  if (value === null) return "";
  switch (key) {
    case "volumePerYear":
      return `${value.toLocaleString("en-GB")} a year`;
    case "costPerTransactionGbp":
      return formatPounds(value);
    case "staffMinutesPerTransaction":
      return `${value.toLocaleString("en-GB", { maximumFractionDigits: 2 })} min`;
    default:
      return `${value.toLocaleString("en-GB", { maximumFractionDigits: 2 })}%`;
  }
}

/** Pounds as a reader writes them: "£4.20", "£2,730,000", "-£150,000". */
export function formatPounds(value: number): string {
  const whole = Number.isInteger(value) || Math.abs(value) >= 1000;
  const text = Math.abs(value).toLocaleString("en-GB", {
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  });
  return value < 0 ? `-£${text}` : `£${text}`;
}
