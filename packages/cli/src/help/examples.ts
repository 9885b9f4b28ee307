// Example inputs for help texts and hints, taken from the walkthrough's success calls (which the compiler
// checks against the generated types), so examples cannot drift from the specs.
import { scenarios } from '../providers.js';
import { type Scenario, successCalls } from '../walkthrough/scenario.js';

export function exampleData(providerId: string, operation: string): string | undefined {
  const scenario = scenarios.find((s) => s.provider.id === providerId);
  const success = scenario && successCalls(scenario as Scenario<any>).find((s) => s.operation === operation);
  return success ? JSON.stringify(success.input) : undefined;
}

export function exampleCall(providerId: string, operation: string): string {
  return `creditkit ${providerId} ${operation} --data '${exampleData(providerId, operation) ?? '{…}'}'`;
}
