export * from './request-id';
export * from './permission';
export * from './endpoint.decorator';
export * from './refs.dto';
export * from './params.dto';
export * from './page.dto';
export * from './api-controller.decorator';
