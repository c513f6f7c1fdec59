// Builds findings with the severity the catalog gives each code.
import { Finding, QuickFix, Range, Severity } from './model';
import { ruleInfo } from './ruleCatalog';

export function finding(
  code: string,
  file: string,
  range: Range,
  message: string,
  fixes?: QuickFix[],
  severity?: Severity,
): Finding {
  const f: Finding = { code, message, severity: severity ?? ruleInfo(code).severity, file, range };
  if (fixes && fixes.length) f.fixes = fixes;
  return f;
}
