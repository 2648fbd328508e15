/** The screen shown, kept in the address hash so a reload reopens the same journey. */
import { useSyncExternalStore } from "react";

export type Route = { name: "library" } | { name: "journey"; id: string } | { name: "compare"; a: string; b: string };

export function parseRoute(hash: string): Route {
  const journey = /^#\/journey\/([A-Za-z0-9_.:-]{1,80})$/.exec(hash);
  if (journey) return { name: "journey", id: decodeURIComponent(journey[1]!) };
  const compare = /^#\/compare\/([A-Za-z0-9_.:-]{1,80})\/([A-Za-z0-9_.:-]{1,80})$/.exec(hash);
  if (compare) return { name: "compare", a: compare[1]!, b: compare[2]! };
  return { name: "library" };
}

export function routeHash(route: Route): string {
  switch (route.name) {
    case "library":
      return "#/";
    case "journey":
      return `#/journey/${encodeURIComponent(route.id)}`;
    case "compare":
      return `#/compare/${route.a}/${route.b}`;
  }
}

export function navigate(route: Route) {
  window.location.hash = routeHash(route);
}

function subscribe(callback: () => void) {
  window.addEventListener("hashchange", callback);
  return () => window.removeEventListener("hashchange", callback);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
