/** An achievement use as the gateway hands it over: achievement owns it, assessment knows its id. */
export interface UseReference {
  id: string;
}
