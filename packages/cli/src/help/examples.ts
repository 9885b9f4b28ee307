// Example inputs for help texts and hints, taken from the walkthrough's success calls (which the compiler
// checks against the generated types), so examples cannot drift from the specs.
import { scenarios } from '../providers.js';

export function exampleData(providerId: string, operation: string): string | undefined {
  const success = scenarios.find((s) => s.provider.id === providerId)?.success;
  return success && success.operation === operation ? JSON.stringify(success.input) : undefined;
}

export function exampleCall(providerId: string, operation: string): string {
  return `creditkit ${providerId} ${operation} --data '${exampleData(providerId, operation) ?? '{…}'}'`;
}
