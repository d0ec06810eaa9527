import { DEFAULT_PATH_GLOBS } from '../core/paths.js';
import { DEFAULT_VIP_POOL } from '../core/fixes/vip-pool.js';
import { RULE_CODES } from '../core/rules/catalog.js';

/** `serviceentry-guard help <command>`: what one command does and the options it reads. */
export const COMMAND_HELP: Record<string, string> = {
  check: `Usage: serviceentry-guard check [paths...] [options]

Finds Istio ServiceEntry listener collisions in YAML manifests. Paths are files or
directories (default: .); directories are searched for --include globs.

Options:
  --format text|markdown|json|sarif|github
                                output format (default: text); sarif is SARIF 2.1.0 for code
                                scanning, github prints workflow commands (annotations)
  --fail-level LEVEL            exit 1 when a finding is at or above LEVEL:
                                error, warning, info or never (default: error)
  --baseline FILE               findings listed in FILE (by id) are known: reported, not counted;
                                a known finding that gains an entry counts again
  --write-baseline FILE         write the current findings to FILE as the new baseline
  --default-namespace NS        namespace of manifests that set none (default: default)
  --auto-allocate               consumers run DNS capture with IP auto-allocation
  --mesh-default-export-to NS   MeshConfig defaultServiceExportTo, repeatable (default: *)
  --root-namespace NS           Istio root namespace for mesh-wide Sidecars (default: the
                                repository's MeshConfig rootNamespace, else istio-system)
  --include GLOB                manifest globs under directories, repeatable; !GLOB excludes
                                (default: ${DEFAULT_PATH_GLOBS.join(', ')})
  --output FILE                 write the report to FILE instead of standard output

Suppressions: annotate an entry with
  serviceentry-guard.io/ignore: "<rule>: <why this is acceptable>"
(one rule per line). A finding is suppressed when all its entries are covered; suppressed
findings are listed, not counted. Rules: ${RULE_CODES.join(', ')}.

Exit codes: 0 no counted finding at or above --fail-level, 1 findings at or above it,
2 usage or I/O error.
`,
  diff: `Usage: serviceentry-guard diff --base REF [--head REF] [options]

What a pull request from --head (default HEAD) into --base would be told, from the git
objects of the repository in the current directory: collisions it introduces (with
verified fixes), resolves, and leaves as they were. Exit 1 only for introduced ones.

Options:
  --base REF, --head REF        the branches to compare (three-dot, like GitHub)
  --format text|markdown|json|sarif|github
                                output format (default: text); in sarif, introduced findings
                                are "new" and existing ones "unchanged"
  --fail-level LEVEL            exit 1 when an introduced finding is at or above LEVEL
  --vip-pool CIDR               where suggested VIPs come from (default: ${DEFAULT_VIP_POOL})
  --default-namespace, --auto-allocate, --mesh-default-export-to, --root-namespace,
  --include, --output           as for check
`,
  help: `Usage: serviceentry-guard help [command]

Shows the commands, or what one command does and its options.
`,
};
