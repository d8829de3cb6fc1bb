/** Router path of a pod's log viewer (pass it through `links.page()`). */
export function podLogPath(pod: { namespace: string; name: string }): string {
  return `/pods/${encodeURIComponent(pod.namespace)}/${encodeURIComponent(pod.name)}/logs`;
}
