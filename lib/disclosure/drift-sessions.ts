import { Disclosure } from './model';
import { referencedId, resources, SynthesizedStack } from './templates';

const DAY_SECONDS = 86400;
const SESSION_AGE = 'DJANGO_SESSION_COOKIE_AGE';

/**
 * Appman's server-side sessions end as the disclosure says: every Django
 * container (one given any `DJANGO_*` setting) is told a SESSION_COOKIE_AGE of
 * at most the disclosed days, and an enabled EventBridge Scheduler schedule runs
 * a task whose command is Django's `clearsessions` at least once a day (the page
 * promises expired sessions are deleted within one more day).
 */
export function sessionDrift(stacks: readonly SynthesizedStack[], d: Disclosure): string[] {
  const days = d.sites.find((s) => s.key === 'appman')?.serverSessionDays;
  if (days === undefined) return [];
  const problems: string[] = [];
  let djangoContainers = 0;
  let dailyCleanup = false;
  for (const stack of stacks) {
    const cleanupTasks = new Set<string>();
    for (const [id, r] of resources(stack.template, 'AWS::ECS::TaskDefinition')) {
      for (const c of r.Properties?.ContainerDefinitions ?? []) {
        const env: Array<{ Name?: string; Value?: unknown }> = c.Environment ?? [];
        if (!env.some((e) => String(e.Name).startsWith('DJANGO_'))) continue;
        djangoContainers++;
        const where = `${stack.name}/${id} container ${JSON.stringify(c.Name ?? '?')}`;
        const age = env.find((e) => e.Name === SESSION_AGE)?.Value;
        if (age === undefined) {
          problems.push(`${where}: ${SESSION_AGE} is not set, so the app's own default decides how long sessions live; the disclosure promises ${days} days.`);
        } else if (typeof age !== 'string' || !/^[0-9]+$/.test(age)) {
          problems.push(`${where}: ${SESSION_AGE} is ${JSON.stringify(age)}, not a number of seconds; the disclosure promises ${days} days.`);
        } else if (Number(age) > days * DAY_SECONDS) {
          problems.push(
            `${where}: ${SESSION_AGE} is ${age} seconds (${(Number(age) / DAY_SECONDS).toFixed(1)} days), longer than the ${days} days ` +
              'the disclosure promises for login sessions. Lower it, or set sites.appman.serverSessionDays so the page says so.',
          );
        }
        if (Array.isArray(c.Command) && c.Command.includes('clearsessions')) cleanupTasks.add(id);
      }
    }
    for (const [id, r] of resources(stack.template, 'AWS::Scheduler::Schedule')) {
      const task = referencedId(r.Properties?.Target?.EcsParameters?.TaskDefinitionArn);
      if (!task || !cleanupTasks.has(task)) continue;
      const expression = r.Properties?.ScheduleExpression;
      if (r.Properties?.State === 'DISABLED') {
        problems.push(`${stack.name}/${id}: the clearsessions schedule is DISABLED, so expired sessions are never deleted.`);
      } else if (!atLeastDaily(expression)) {
        problems.push(`${stack.name}/${id}: clearsessions runs on ${JSON.stringify(expression)}, less often than the daily run the disclosure promises.`);
      } else {
        dailyCleanup = true;
      }
    }
  }
  if (djangoContainers === 0) {
    problems.push(`the disclosure promises Appman sessions end after ${days} days, but no template runs a Django container given ${SESSION_AGE}.`);
  }
  if (!dailyCleanup) {
    problems.push('the disclosure promises a daily job deletes expired Appman sessions, but no enabled schedule runs a clearsessions task at least daily.');
  }
  return problems;
}

/**
 * Whether an EventBridge Scheduler expression fires at least once a day:
 * `rate(n unit)` of a day or less, or a `cron(min hour dom month dow year)` with
 * every day of every month (docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html).
 * `at(...)` runs once, so it never is.
 */
export function atLeastDaily(expression: unknown): boolean {
  if (typeof expression !== 'string') return false;
  const rate = /^rate\((\d+) (minutes?|hours?|days?)\)$/.exec(expression);
  if (rate) {
    const minutes = Number(rate[1]) * (rate[2].startsWith('minute') ? 1 : rate[2].startsWith('hour') ? 60 : 1440);
    return minutes > 0 && minutes <= 1440;
  }
  const cron = /^cron\((\S+) (\S+) (\S+) (\S+) (\S+) (\S+)\)$/.exec(expression);
  if (!cron) return false;
  const [, , , dayOfMonth, month, dayOfWeek, year] = cron;
  const every = (field: string) => field === '*' || field === '?';
  return every(dayOfMonth) && every(month) && every(dayOfWeek) && every(year);
}
