/** The own office as other offices see it. */
export interface LiaisonSelfView {
  officeId: string;
  officeName: string;
  publicKey: string;
  keyId: string;
}
