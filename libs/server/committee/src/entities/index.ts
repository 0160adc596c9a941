/** The committee context's tables; each submodule adds its entities here. */
export const COMMITTEE_ENTITIES: (new (...args: never[]) => object)[] = [];
