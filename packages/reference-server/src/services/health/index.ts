// The health domain: liveness and which components are in use. Other domains import it only through this file.
export { createHealthService, type HealthService, type HealthServiceDeps } from './health-service.js';
