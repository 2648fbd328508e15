/** Minutes written the way people say them: "2 days", "1 hour 30 minutes", "about 3 weeks". */
const UNITS = [
  { minutes: 7 * 24 * 60, one: "week", many: "weeks" },
  { minutes: 24 * 60, one: "day", many: "days" },
  { minutes: 60, one: "hour", many: "hours" },
  { minutes: 1, one: "minute", many: "minutes" },
] as const;

export function formatMinutes(total: number): string {
  if (!Number.isFinite(total) || total < 0) return "";
  if (total === 0) return "0 minutes";
  let rest = Math.round(total);
  const parts: string[] = [];
  for (const unit of UNITS) {
    const count = Math.floor(rest / unit.minutes);
    if (count === 0) continue;
    if (parts.length === 2) {
      return `about ${parts.join(" ")}`;
    }
    parts.push(`${count} ${count === 1 ? unit.one : unit.many}`);
    rest -= count * unit.minutes;
  }
  return parts.join(" ");
}
