import type { Route } from '@pip/functions/routes';

export interface RouteMatch {
  route: Route;
  routeKey: string;
  pathParameters: Record<string, string>;
}

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  parameterCount: number;
  greedy: boolean;
}

function compile(route: Route): CompiledRoute {
  const source = route.path
    .split('/')
    .map((segment) => {
      const greedy = /^\{(\w+)\+\}$/u.exec(segment);
      if (greedy) return `(?<${greedy[1]}>.+)`;
      const parameter = /^\{(\w+)\}$/u.exec(segment);
      if (parameter) return `(?<${parameter[1]}>[^/]+)`;
      return segment.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
    })
    .join('/');
  return {
    route,
    pattern: new RegExp(`^${source}$`, 'u'),
    parameterCount: (route.path.match(/\{/gu) ?? []).length,
    greedy: route.path.includes('+}'),
  };
}

/** Matches as API Gateway does: exact paths before parameters, greedy `{proxy+}` paths last. */
export function routeMatcher(routes: readonly Route[]) {
  const compiled = routes
    .map(compile)
    .sort((a, b) => Number(a.greedy) - Number(b.greedy) || a.parameterCount - b.parameterCount);
  return (method: string, path: string): RouteMatch | undefined => {
    for (const candidate of compiled) {
      if (candidate.route.method !== method) continue;
      const match = candidate.pattern.exec(path);
      if (!match) continue;
      const pathParameters = Object.fromEntries(
        Object.entries(match.groups ?? {}).map(([name, value]) => [name, safelyDecoded(value)]),
      );
      return { route: candidate.route, routeKey: `${candidate.route.method} ${candidate.route.path}`, pathParameters };
    }
    return undefined;
  };
}

function safelyDecoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
