/** An instruction as the gateway hands it over: sharing owns it, responsibility knows its id. */
export interface InstructionReference {
  id: string;
}
