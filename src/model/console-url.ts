/**
 * Where a person looks at an import task in the AWS console. The console's domain follows the region's
 * partition; the page is the console's Neptune Analytics import-task page (the one Airflow's Amazon
 * provider links to as well).
 */
const CONSOLE_DOMAINS: [regionPrefix: string, domain: string][] = [
  ['cn-', 'console.amazonaws.cn'],
  ['us-gov-', 'console.amazonaws-us-gov.com'],
];

/** The AWS console page of an import task, for a region such as `us-east-1`. */
export function importTaskConsoleUrl(region: string, taskIdentifier: string): string {
  const domain =
    CONSOLE_DOMAINS.find(([prefix]) => region.startsWith(prefix))?.[1] ?? 'console.aws.amazon.com';
  return (
    `https://${domain}/neptune/home?region=${encodeURIComponent(region)}` +
    `#analytics-import-task-details:id=${encodeURIComponent(taskIdentifier)}`
  );
}
