/** The qualification context's tables; each submodule adds its entities here. */
export const QUALIFICATION_ENTITIES: (new (...args: never[]) => object)[] = [];
