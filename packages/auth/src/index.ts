export {
  CLASSIFICATIONS,
  classificationSchema,
  compareClassification,
  canRead,
  type Classification,
} from './classification.js';
export { ROLES, roleSchema, hasRole, isOfficeLeader, type Role } from './roles.js';
export { heliClaimsSchema, type HeliClaims } from './claims.js';
export { viewerAsRecorded, type RecordedStanding } from './viewer-as-recorded.js';
export { AuthError, type AuthFailure } from './auth-error.js';
export { bearerToken } from './bearer-token.js';
export {
  createTokenVerifier,
  DEV_TOKEN_MAX_LIFETIME_S,
  type TokenVerifier,
  type TokenVerifierConfig,
} from './token-verifier.js';
export { signDevToken, DEV_JWT_SECRET, type DevTokenConfig } from './dev-token.js';
export { authEnv, authEnvRule, tokenVerifierConfig } from './auth-env.js';
export {
  GATEWAY_SIGNATURE_HEADER,
  GATEWAY_SIGNATURE_MAX_SKEW_MS,
  gatewaySignatureEnv,
  isGatewaySigned,
  signGatewayRequest,
} from './gateway-signature.js';
