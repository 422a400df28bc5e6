/** An Office as liaison knows it: only its id (responsibility owns the rest). */
export interface OfficeReference {
  id: string;
}

/** An Assignment as liaison knows it: only its id (responsibility owns the matter). */
export interface AssignmentReference {
  id: string;
}
