/** An Office as liaison knows it: only its id (responsibility owns the rest). */
export interface OfficeReference {
  id: string;
}
