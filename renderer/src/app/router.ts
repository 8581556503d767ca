// The router lives in the kit (the lowest renderer layer, so the kit's own hooks may use it); the
// features that still import it from here get the same module.
export * from '../kit/router';
