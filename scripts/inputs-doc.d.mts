export interface ActionEntry {
  name: string;
  group: string;
  description: string;
  default: string | undefined;
}
export declare function sectionEntries(yml: string, section: 'inputs' | 'outputs'): ActionEntry[];
export declare function inputsPage(yml: string): string;
