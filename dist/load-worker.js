import { parentPort, isMainThread } from 'node:worker_threads';

/**
 * A large file cut into pieces that are read one at a time, so what a read builds besides the values (js-yaml's
 * events, the positions) lives for one piece, never for the whole file: a cluster's export
 * (`kubectl get serviceentries -A -o yaml`) is one List document of tens of MB, which read whole held about
 * twenty times its size in memory. Cuts are made only where YAML itself ends something, and found by one
 * forward pass over the lines, so a hostile file costs linear time:
 *   - at a `---` line, which starts a document whatever came before it;
 *   - between the items of a List's block sequence (`items:` at the document's left edge, each item a `-` at
 *     one column, everything else of the item deeper), or of a JSON List as kubectl prints it (`-o json`). The
 *     loader checks each such cut before trusting it (see planParts in file-parts.ts).
 */
/** The pieces of a file's text, in order, covering all of it. A file of no more than `pieceChars` is one piece. */
function filePieces(text, limits) {
    if (text.length <= limits.pieceChars)
        return [{ kind: 'documents', start: 0, end: text.length }];
    const pieces = [];
    let group;
    const flush = () => {
        if (group)
            pieces.push({ kind: 'documents', ...group });
        group = undefined;
    };
    for (const [start, end] of documentsAtDashes(text)) {
        if (end - start <= limits.pieceChars) {
            if (group && end - group.start > limits.pieceChars)
                flush();
            if (group)
                group.end = end;
            else
                group = { start, end };
            continue;
        }
        flush();
        const list = listItems(text, start, end, limits.pieceChars) ?? jsonListItems(text, start, end, limits.pieceChars);
        if (list)
            pieces.push(list);
        else
            pieces.push({ kind: end - start > limits.maxDocumentChars ? 'too-large' : 'documents', start, end });
    }
    flush();
    return pieces;
}
/** [start, end) of each document, cut only where a line starts with `---` (a `...` end marker stays inside). */
function documentsAtDashes(text) {
    const spans = [];
    let start = 0;
    for (let i = text.indexOf('\n---'); i >= 0; i = text.indexOf('\n---', i + 1)) {
        const after = text.charCodeAt(i + 4);
        if (!(Number.isNaN(after) || isBlankOrBreak(after)))
            continue;
        spans.push([start, i + 1]);
        start = i + 1;
    }
    spans.push([start, text.length]);
    return spans;
}
/**
 * The List items of the document [start, end), if it holds `items:` once at its left edge with a block sequence
 * under it; undefined for anything else (a flow sequence, a second `items:`, tabs where indentation is read).
 */
function listItems(text, start, end, runChars) {
    let itemsStart = -1;
    for (const at of linesStartingWith(text, 'items:', start, end)) {
        const lineEnd = lineEndOf(text, at, end);
        if (!isBlankToLineEnd(text, at + 6, lineEnd))
            continue;
        if (itemsStart >= 0)
            return undefined; // a repeated key: the last one wins in YAML, and this is no place to decide
        itemsStart = Math.min(lineEnd + 1, end);
    }
    if (itemsStart < 0)
        return undefined;
    let column = -1;
    let itemsEnd = end;
    const itemStarts = [];
    for (let at = itemsStart; at < end;) {
        const lineEnd = lineEndOf(text, at, end);
        const next = Math.min(lineEnd + 1, end);
        let indent = 0;
        while (at + indent < lineEnd && text.charCodeAt(at + indent) === 0x20)
            indent++;
        const first = at + indent < lineEnd ? text.charCodeAt(at + indent) : 0x0a;
        if (first === 0x0a || first === 0x0d || first === 0x23 /* # */) {
            at = next; // blank or comment
            continue;
        }
        const opensItem = first === 0x2d /* - */ && (at + indent + 1 >= lineEnd || isBlankOrBreak(text.charCodeAt(at + indent + 1)));
        if (column < 0) {
            if (!opensItem)
                return undefined;
            column = indent;
        }
        if (indent <= column) {
            if (first === 0x09)
                return undefined; // a tab where the column is read
            if (indent < column || !opensItem) {
                itemsEnd = at;
                break;
            }
            itemStarts.push(at);
        }
        at = next;
    }
    if (itemStarts.length === 0)
        return undefined;
    return { kind: 'list', start, end, itemsStart, itemsEnd, runs: runsOf(itemStarts, itemsStart, itemsEnd, runChars), flow: false };
}
/**
 * The items of a JSON List document [start, end) as kubectl prints it: one `"items": [` line, then each item a `{`
 * line and a `}` (or `},`) line at one column with the item's lines deeper, up to a `]` line less indented. JSON
 * strings hold no line break, so every line is read where it stands. Undefined for anything else.
 */
function jsonListItems(text, start, end, runChars) {
    let itemsStart = -1;
    // Searched within the document only: a search to the file's end from each large document would cost their product.
    const doc = text.slice(start, end);
    for (let found = doc.indexOf('"items": ['); found >= 0; found = doc.indexOf('"items": [', found + 1)) {
        const at = start + found;
        const lineStart = text.lastIndexOf('\n', at) + 1;
        const lineEnd = lineEndOf(text, at, end);
        if (text.slice(lineStart, lineEnd).trim() !== '"items": [')
            continue;
        if (itemsStart >= 0)
            return undefined; // a list in a list, or a repeated key: read whole
        itemsStart = Math.min(lineEnd + 1, end);
    }
    if (itemsStart < 0)
        return undefined;
    let column = -1;
    let itemsEnd = -1;
    const itemStarts = [];
    for (let at = itemsStart; at < end;) {
        const lineEnd = lineEndOf(text, at, end);
        const next = Math.min(lineEnd + 1, end);
        const line = text.slice(at, lineEnd);
        const content = line.trim();
        if (content === '') {
            at = next;
            continue;
        }
        const indent = line.length - line.trimStart().length;
        if (line.slice(0, indent).includes('\t'))
            return undefined;
        if (column < 0) {
            if (content !== '{')
                return undefined;
            column = indent;
        }
        if (indent < column) {
            if (content !== ']' && content !== '],')
                return undefined;
            itemsEnd = at;
            break;
        }
        if (indent === column) {
            if (content === '{')
                itemStarts.push(at);
            else if (content !== '}' && content !== '},')
                return undefined;
        }
        at = next;
    }
    if (itemsEnd < 0 || itemStarts.length === 0)
        return undefined;
    return { kind: 'list', start, end, itemsStart, itemsEnd, runs: runsOf(itemStarts, itemsStart, itemsEnd, runChars), flow: true };
}
/** The items cut into runs of about `runChars`, covering [itemsStart, itemsEnd). */
function runsOf(itemStarts, itemsStart, itemsEnd, runChars) {
    const runs = [];
    let run = { start: itemsStart, end: itemsStart, itemStarts: [] };
    for (const at of itemStarts) {
        if (run.itemStarts.length > 0 && at - run.start >= runChars) {
            run.end = at;
            runs.push(run);
            run = { start: at, end: at, itemStarts: [] };
        }
        run.itemStarts.push(at);
    }
    run.end = itemsEnd;
    runs.push(run);
    return runs;
}
/** Where each line of [start, end) that starts with `prefix` starts. */
function* linesStartingWith(text, prefix, start, end) {
    if (text.startsWith(prefix, start))
        yield start;
    const needle = `\n${prefix}`;
    // Searched within [start, end) only: a search to the file's end from each large document would cost their product.
    const part = text.slice(start, end);
    for (let i = part.indexOf(needle); i >= 0 && i + 1 < part.length; i = part.indexOf(needle, i + 1))
        yield start + i + 1;
}
/** Where the line starting at `at` ends (its `\n`, or `end`). */
function lineEndOf(text, at, end) {
    const newline = text.indexOf('\n', at);
    return newline < 0 || newline > end ? end : newline;
}
/** Only blanks, or a comment after a blank, from `at` to the line's end. */
function isBlankToLineEnd(text, at, end) {
    for (let i = at; i < end; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x23)
            return i > at;
        if (!isBlankOrBreak(c))
            return false;
    }
    return true;
}
function isBlankOrBreak(c) {
    return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}

/**
 * Istio parses a ServiceEntry port's protocol case-insensitively and never
 * infers it from the port name, so an unknown or empty string means sniffing.
 */
const CLASS_BY_PROTOCOL = {
    HTTP: 'HTTP',
    HTTP2: 'HTTP',
    GRPC: 'HTTP',
    'GRPC-WEB': 'HTTP',
    HTTP_PROXY: 'HTTP',
    TLS: 'TLS',
    HTTPS: 'TLS',
    TCP: 'TCP',
    MONGO: 'TCP',
    MYSQL: 'TCP',
    REDIS: 'TCP',
    UDP: 'UDP',
};
function protocolClassOf(protocol) {
    return CLASS_BY_PROTOCOL[protocol.toUpperCase()] ?? 'AUTO';
}

/** A value found under a key (or index) of a parsed mapping (or list), with where it sits. */
class Field {
    value;
    parent;
    key;
    constructor(value, parent, key) {
        this.value = value;
        this.parent = parent;
        this.key = key;
    }
}
/**
 * Reads typed values out of parsed YAML while keeping each value's line, and
 * turns every type mismatch into a diagnostic instead of a throw, so one bad
 * field never costs the rest of the manifest.
 */
class ValueReader {
    path;
    lines;
    positions;
    diagnostics;
    sharedValues;
    constructor(path, lines, positions, diagnostics, 
    /** Shared by the readers of one file's pieces (see `shared`). */
    sharedValues = new Map()) {
        this.path = path;
        this.lines = lines;
        this.positions = positions;
        this.diagnostics = diagnostics;
        this.sharedValues = sharedValues;
    }
    /** Where a field's value starts; a container's own start when asked for one; the file's top otherwise. */
    locate(target, fallback) {
        let offset;
        if (target instanceof Field)
            offset = this.positions.child(target.parent, target.key) ?? this.positions.start(target.parent);
        else if (target)
            offset = this.positions.start(target);
        if (offset === undefined)
            return fallback ?? { path: this.path, line: 1, column: 1 };
        return this.lines.location(this.path, offset);
    }
    report(target, code, message, severity = 'error') {
        this.diagnostics.push({ severity, code, message, location: this.locate(target) });
    }
    /** The field under `key`, or undefined when absent or explicitly null. */
    field(map, key) {
        if (!map || !Object.prototype.hasOwnProperty.call(map, key))
            return undefined;
        const value = map[key];
        return value === null || value === undefined ? undefined : new Field(value, map, key);
    }
    map(field, what) {
        if (!field)
            return undefined;
        if (isPlainMap(field.value))
            return field.value;
        this.report(field, 'wrong-type', `${what} must be a mapping`);
        return undefined;
    }
    string(field, what) {
        if (!field)
            return undefined;
        const v = field.value;
        if (typeof v === 'string')
            return detached(v);
        if (typeof v === 'number' || typeof v === 'boolean') {
            this.report(field, 'wrong-type', `${what} must be a string, found ${typeof v} ${String(v)}`, 'warning');
            return String(v);
        }
        this.report(field, 'wrong-type', `${what} must be a string`);
        return undefined;
    }
    /**
     * One string for equal values within a file, e.g. the namespace its manifests share: a hundred
     * thousand entries then hold a few copies rather than one each.
     */
    shared(value) {
        const known = this.sharedValues.get(value);
        if (known !== undefined)
            return known;
        this.sharedValues.set(value, value);
        return value;
    }
    integer(field, what) {
        if (!field)
            return undefined;
        if (typeof field.value === 'number' && Number.isInteger(field.value))
            return field.value;
        this.report(field, 'wrong-type', `${what} must be an integer, found ${describeValue(field.value)}; the API server rejects this manifest`);
        return undefined;
    }
    /** Each item of a list as a field; a non-list is reported and reads as empty. */
    items(field, what) {
        if (!field)
            return [];
        if (!Array.isArray(field.value)) {
            this.report(field, 'wrong-type', `${what} must be a list`);
            return [];
        }
        const list = field.value;
        return list.map((value, key) => new Field(value, list, key));
    }
    /** A list of strings; non-string items are reported and skipped. */
    stringList(field, what) {
        if (!field)
            return undefined;
        if (!Array.isArray(field.value)) {
            this.report(field, 'wrong-type', `${what} must be a list of strings`);
            return undefined;
        }
        const out = [];
        for (const item of this.items(field, what)) {
            const s = this.string(item, `each item of ${what}`);
            if (s !== undefined)
                out.push(s);
        }
        return exactSize(out);
    }
    stringMap(field, what) {
        const map = this.map(field, what);
        const out = {};
        if (!map)
            return out;
        for (const key of Object.keys(map)) {
            const value = this.string(this.field(map, key), `${what}.${key}`);
            if (value !== undefined)
                out[key] = value;
        }
        return out;
    }
}
/**
 * The string as a copy of its own. The YAML parser cuts scalars out of the file's text, and V8 keeps a
 * cut of 13 characters or more (a hostname) as a view into that text: one kept hostname would keep its
 * whole file alive for as long as the analysis runs, the texts of a large repository with it. Shorter
 * cuts are copies already. A JSON round trip is exact for every string (lone surrogates included) and
 * costs about 0.2 µs for a hostname.
 */
function detached(value) {
    return value.length < 13 ? value : JSON.parse(JSON.stringify(value));
}
/**
 * A short description of any parsed value that never walks it: an alias
 * bomb (a few lines of YAML that expand to 10^8 leaves) must cost nothing
 * here, so containers are named, never serialised.
 */
function describeValue(value) {
    if (Array.isArray(value))
        return 'a list';
    if (value !== null && typeof value === 'object')
        return 'a mapping';
    if (typeof value === 'string')
        return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    return String(value);
}
/**
 * The list with no spare room, for lists kept as long as the analysis runs: a first push reserves room
 * for sixteen items, so a one-host entry's hosts would take three times the memory they need.
 */
function exactSize(list) {
    return list.length === 0 ? list : list.slice();
}
function isPlainMap(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const RESOLUTIONS = ['NONE', 'STATIC', 'DNS', 'DNS_ROUND_ROBIN', 'DYNAMIC_DNS'];
/**
 * The node positions readServiceEntry asks for whatever the manifest holds: where its hosts and each port
 * start (and, as for every outline, where the document does). Anything else it locates only to report a
 * problem, and that is found when asked (see PositionOutline).
 */
const SERVICE_ENTRY_POSITIONS = { spec: { hosts: true, ports: { '*': true } } };
/**
 * Reduces a ServiceEntry manifest to the fields that decide its listeners.
 * Anything the API server would reject is reported; what can still be
 * understood is kept, so one bad port does not hide the entry's other ports.
 */
function readServiceEntry(reader, header, root) {
    const specField = reader.field(root, 'spec');
    const spec = reader.map(specField, 'spec');
    if (!spec) {
        if (!specField)
            reader.report(root, 'missing-field', `ServiceEntry ${header.namespace}/${header.name} has no spec; the API server rejects it`);
        return undefined;
    }
    const hostsField = reader.field(spec, 'hosts');
    const hosts = reader.stringList(hostsField, 'spec.hosts') ?? [];
    if (hosts.length === 0) {
        reader.report(hostsField ?? spec, 'missing-field', `ServiceEntry ${header.namespace}/${header.name} has no spec.hosts; the API server rejects it`);
    }
    return {
        kind: 'ServiceEntry',
        ref: `${header.namespace}/${header.name}`,
        apiVersion: header.apiVersion,
        name: header.name,
        namespace: header.namespace,
        namespaceExplicit: header.namespaceExplicit,
        hosts,
        addresses: readAddresses(reader, reader.field(spec, 'addresses')),
        ports: readPorts(reader, reader.field(spec, 'ports')),
        resolution: readResolution(reader, reader.field(spec, 'resolution')),
        exportTo: readExportTo(reader, spec),
        hasWorkloadSelector: reader.field(spec, 'workloadSelector') !== undefined,
        endpointCount: reader.items(reader.field(spec, 'endpoints'), 'spec.endpoints').length,
        labels: header.labels,
        creationTimestamp: header.creationTimestamp,
        location: header.location,
        hostsLocation: hostsField ? reader.locate(hostsField) : header.location,
        // Optional fields are always present (undefined when unset) so every entry has one shape with its fields
        // inside the object; a hundred thousand entries then carry no separate property stores. JSON drops undefined.
        ignoreAnnotation: header.ignoreAnnotation,
        meshLocation: meshLocationOf(reader.string(reader.field(spec, 'location'), 'spec.location')),
        statusAddresses: readStatusAddresses(reader, root),
    };
}
function meshLocationOf(value) {
    // Literals rather than the upper-cased input, which can be the manifest's own slice of its file text.
    switch (value?.toUpperCase()) {
        case 'MESH_INTERNAL': return 'MESH_INTERNAL';
        case 'MESH_EXTERNAL': return 'MESH_EXTERNAL';
        default: return undefined;
    }
}
/**
 * An unquoted IPv6 address ending in `:` (`2001:db8::`) reads as a one-key
 * mapping in YAML 1.2, though go-yaml took it as a string: say how to fix it.
 */
function readAddresses(reader, field) {
    const addresses = [];
    for (const item of reader.items(field, 'spec.addresses')) {
        const value = item.value;
        const keys = value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
        if (keys.length === 1 && keys[0].includes(':') && value[keys[0]] === null) {
            reader.report(item, 'wrong-type', `spec.addresses item ${JSON.stringify(`${keys[0]}:`)} reads as a mapping, not a string: quote IPv6 addresses that end in ':' (e.g. "${keys[0]}:")`);
            continue;
        }
        const text = reader.string(item, 'each item of spec.addresses');
        if (text !== undefined)
            addresses.push(text);
    }
    return exactSize(addresses);
}
function readPorts(reader, field) {
    const ports = [];
    for (const item of reader.items(field, 'spec.ports')) {
        const port = reader.map(item, 'each item of spec.ports');
        if (!port)
            continue;
        const numberField = reader.field(port, 'number');
        const number = reader.integer(numberField, 'spec.ports[].number');
        if (number === undefined) {
            if (!numberField)
                reader.report(item, 'missing-field', 'a port without a number is rejected by the API server');
            continue;
        }
        if (number < 1 || number > 65535) {
            reader.report(numberField, 'invalid-value', `port ${number} is outside 1-65535; the API server rejects it`);
            continue;
        }
        const protocol = (reader.string(reader.field(port, 'protocol'), 'spec.ports[].protocol') ?? '').toUpperCase();
        ports.push({
            number,
            protocol,
            protocolClass: protocolClassOf(protocol),
            name: reader.string(reader.field(port, 'name'), 'spec.ports[].name') ?? '',
            location: reader.locate(port),
        });
    }
    return exactSize(ports);
}
function readResolution(reader, field) {
    const value = reader.string(field, 'spec.resolution');
    if (value === undefined)
        return 'NONE';
    // The list's own string, not the manifest's: 100k entries then share five strings instead of holding a copy each.
    const known = RESOLUTIONS.find((resolution) => resolution === value.toUpperCase());
    if (known)
        return known;
    reader.report(field, 'invalid-value', `unknown resolution ${JSON.stringify(value)}; treated as NONE`, 'warning');
    return 'NONE';
}
/**
 * spec.exportTo, or undefined for the mesh default. `configScope` never shipped
 * in a release (it was replaced by exportTo before 1.1.0): today's CRD prunes
 * it or, with strict field validation, rejects the object. Either way the
 * entry Istio sees is public, so that is how it is analysed.
 */
function readExportTo(reader, spec) {
    const exportTo = reader.stringList(reader.field(spec, 'exportTo'), 'spec.exportTo');
    const scopeField = reader.field(spec, 'configScope');
    if (scopeField) {
        const scope = reader.string(scopeField, 'spec.configScope');
        reader.report(scopeField, 'config-scope-ignored', `spec.configScope${scope === undefined ? '' : ` ${JSON.stringify(scope)}`} is not a ServiceEntry field in any Istio release: the API server drops it (or rejects the object under strict field validation), so it does not make the entry private. `
            + 'Use `exportTo: ["."]` to keep the entry in its own namespace.'
            + (exportTo === undefined ? ' Analysed as exported to the mesh default.' : ''));
    }
    return exportTo;
}
/** status.addresses[].value: VIPs istiod's allocation controller wrote (1.23+), present in cluster exports. */
function readStatusAddresses(reader, root) {
    const status = reader.map(reader.field(root, 'status'), 'status');
    if (!status)
        return undefined;
    const values = [];
    for (const item of reader.items(reader.field(status, 'addresses'), 'status.addresses')) {
        const value = reader.string(reader.field(reader.map(item, 'each item of status.addresses'), 'value'), 'status.addresses[].value');
        if (value !== undefined)
            values.push(value);
    }
    return values.length > 0 ? exactSize(values) : undefined;
}

/** A Sidecar narrows which ServiceEntries a namespace's proxies see, so it changes who collides. */
function readSidecar(reader, header, root) {
    const spec = reader.map(reader.field(root, 'spec'), 'spec');
    const egress = [];
    for (const item of reader.items(reader.field(spec, 'egress'), 'spec.egress')) {
        const listener = reader.map(item, 'each item of spec.egress');
        if (!listener)
            continue;
        const port = reader.map(reader.field(listener, 'port'), 'spec.egress[].port');
        egress.push({
            hosts: reader.stringList(reader.field(listener, 'hosts'), 'spec.egress[].hosts') ?? [],
            port: reader.integer(reader.field(port, 'number'), 'spec.egress[].port.number'),
            protocol: (reader.string(reader.field(port, 'protocol'), 'spec.egress[].port.protocol') ?? '').toUpperCase(),
        });
    }
    return {
        kind: 'Sidecar',
        name: header.name,
        namespace: header.namespace,
        hasWorkloadSelector: reader.field(spec, 'workloadSelector') !== undefined,
        egress,
        location: header.location,
    };
}

const ISTIO_NETWORKING_GROUP = 'networking.istio.io/';
const KNOWN_VERSIONS = new Set(['v1alpha3', 'v1beta1', 'v1']);
/**
 * Each known apiVersion as one string every manifest shares. A value js-yaml read is a slice of its
 * file's text, and a slice keeps the whole text alive for as long as the entry lives.
 */
const SHARED_API_VERSIONS = new Map(['networking.istio.io/v1alpha3', 'networking.istio.io/v1beta1', 'networking.istio.io/v1'].map((v) => [v, v]));
/** The annotation that carries suppressions on an entry; src/core/suppressions reads its value. */
const IGNORE_ANNOTATION = 'serviceentry-guard.io/ignore';
/**
 * The documents loadManifest reads: the only ones whose positions it may ask for. A ServiceEntry's are
 * recorded along the outline of what every entry is located by, and so are those of each item of a list
 * (a cluster's export is one list of them all), lists in lists included; a Sidecar's, all of them.
 */
function mayHoldOurKinds(value) {
    if (!isPlainMap(value))
        return false;
    const kind = value['kind'];
    if (kind === 'ServiceEntry')
        return SERVICE_ENTRY_POSITIONS;
    if (isListKind(kind))
        return LIST_POSITIONS;
    return kind === 'Sidecar';
}
/** A list's items, each read as a ServiceEntry or as a list of its own: the outline holds itself under `items`. */
const ITEMS_POSITIONS = (() => {
    const item = { ...SERVICE_ENTRY_POSITIONS };
    const items = { '*': item };
    item['items'] = items;
    return items;
})();
const LIST_POSITIONS = { items: ITEMS_POSITIONS };
function isListKind(kind) {
    return typeof kind === 'string' && kind.endsWith('List');
}
function loadManifest(reader, root, options, result) {
    const kind = root['kind'];
    if (isListKind(kind)) {
        for (const item of reader.items(reader.field(root, 'items'), 'items')) {
            if (isPlainMap(item.value))
                loadManifest(reader, item.value, options, result);
        }
        return;
    }
    if (kind !== 'ServiceEntry' && kind !== 'Sidecar')
        return;
    const apiVersionField = reader.field(root, 'apiVersion');
    const apiVersion = reader.string(apiVersionField, 'apiVersion') ?? '';
    if (!apiVersion.startsWith(ISTIO_NETWORKING_GROUP))
        return;
    if (!KNOWN_VERSIONS.has(apiVersion.slice(ISTIO_NETWORKING_GROUP.length))) {
        reader.report(apiVersionField, 'unknown-version', `${apiVersion} is not a known networking.istio.io version (v1alpha3, v1beta1, v1); read as v1`, 'warning');
    }
    const header = readHeader(reader, root, SHARED_API_VERSIONS.get(apiVersion) ?? apiVersion, options);
    if (kind === 'ServiceEntry') {
        const entry = readServiceEntry(reader, header, root);
        if (entry)
            result.entries.push(entry);
    }
    else {
        result.sidecars.push(readSidecar(reader, header, root));
    }
}
function readHeader(reader, root, apiVersion, options) {
    const metadata = reader.map(reader.field(root, 'metadata'), 'metadata');
    const location = reader.locate(root);
    let name = reader.string(reader.field(metadata, 'name'), 'metadata.name');
    if (!name) {
        reader.report(metadata ?? root, 'missing-field', 'metadata.name is missing; the API server rejects this manifest');
        name = `<unnamed ${location.path}:${location.line}>`;
    }
    const namespace = reader.string(reader.field(metadata, 'namespace'), 'metadata.namespace');
    const createdField = reader.field(metadata, 'creationTimestamp');
    const created = createdField?.value instanceof Date ? createdField.value.toISOString() : reader.string(createdField, 'metadata.creationTimestamp');
    let creationTimestamp;
    if (created !== undefined) {
        const ms = Date.parse(created);
        if (Number.isNaN(ms))
            reader.report(createdField, 'invalid-value', `creationTimestamp ${JSON.stringify(created)} is not RFC 3339; ignored`, 'warning');
        else
            creationTimestamp = Math.floor(ms / 1000);
    }
    const ignoreAnnotation = readIgnoreAnnotation(reader, metadata);
    return {
        ...(ignoreAnnotation ? { ignoreAnnotation } : {}),
        apiVersion,
        name,
        namespace: namespace ? reader.shared(namespace) : options.defaultNamespace,
        namespaceExplicit: Boolean(namespace),
        labels: reader.stringMap(reader.field(metadata, 'labels'), 'metadata.labels'),
        creationTimestamp,
        location,
    };
}
/** Only our own annotation is read: other annotations are free-form and none of our business. */
function readIgnoreAnnotation(reader, metadata) {
    const annotations = reader.field(metadata, 'annotations');
    if (!annotations || !isPlainMap(annotations.value))
        return undefined;
    const field = reader.field(annotations.value, IGNORE_ANNOTATION);
    const value = reader.string(field, `metadata.annotations["${IGNORE_ANNOTATION}"]`);
    return value === undefined ? undefined : { value, location: reader.locate(field) };
}

/**
 * Where each parsed value came from. Kept beside the plain values (not on
 * them), keyed by the containing object, so the values stay exactly what the
 * YAML parser built.
 */
class PositionIndex {
    // Plain maps, not WeakMaps: an index lives only while its file is read, and weak keys make every
    // garbage collection of that time trace them as ephemerons.
    starts = new Map();
    /**
     * Each container's children as they were read: a list's offsets by index, a mapping's keys and offsets
     * side by side in one array. Nearly every container holds a few children and is asked about one or
     * two, so an array per container costs a fraction of a Map per container (the bench's realistic 100k
     * entries make 727,693 of them); a mapping asked about once it has many keys gets a Map (see `child`).
     */
    children = new Map();
    largeMappings = new Map();
    /** Full walks of documents read along an outline only, owed until a question needs one of them. */
    owed = [];
    /**
     * Registers the full walk of a document whose positions were recorded only along an outline. The first
     * question the recorded positions cannot answer makes every owed walk, then is asked again: what was
     * recorded is what the full walk records too (it goes over the same events in the same order, and an
     * outline is taken only where no value stands at two places it could tell apart: see readChunk), so an
     * answer never depends on whether, or when, the walks were made.
     */
    defer(walk) {
        this.owed.push(walk);
    }
    /**
     * The last place wins, as with children: a value reached twice is the value of a repeated key (js-yaml keeps the
     * last), walked once per place it was written; an alias, the other way to reach one again, records no start.
     */
    setStart(container, offset) {
        this.starts.set(container, offset);
    }
    setChild(parent, key, offset) {
        let list = this.children.get(parent);
        if (!list) {
            list = [];
            this.children.set(parent, list);
        }
        if (typeof key === 'number')
            list[key] = offset;
        else
            list.push(key, offset);
    }
    start(container) {
        const offset = this.starts.get(container);
        return offset !== undefined || !this.payOwedWalks() ? offset : this.starts.get(container);
    }
    child(parent, key) {
        const offset = this.recordedChild(parent, key);
        return offset !== undefined || !this.payOwedWalks() ? offset : this.recordedChild(parent, key);
    }
    /** Makes the owed walks, if any; says whether there were. */
    payOwedWalks() {
        if (this.owed.length === 0)
            return false;
        const walks = this.owed;
        this.owed = [];
        for (const walk of walks)
            walk();
        // A mapping indexed while only some of its keys were recorded would miss the others.
        this.largeMappings.clear();
        return true;
    }
    recordedChild(parent, key) {
        const list = this.children.get(parent);
        if (!list)
            return undefined;
        // A list's children are stored by index, a mapping's by key (a string, as its keys are read): as with a Map, an
        // index asked of a mapping or a key asked of a list finds nothing.
        if (Array.isArray(parent))
            return typeof key === 'number' ? list[key] : undefined;
        if (typeof key === 'number')
            return undefined;
        if (list.length <= LINEAR_LOOKUP_ITEMS)
            return lastOffsetOf(list, key);
        // A mapping with many keys is indexed once, so asking about each of them stays linear.
        let byKey = this.largeMappings.get(parent);
        if (!byKey) {
            byKey = new Map();
            for (let i = 0; i + 1 < list.length; i += 2)
                byKey.set(list[i], list[i + 1]);
            this.largeMappings.set(parent, byKey);
        }
        return byKey.get(key);
    }
}
/** A mapping's keys and offsets are searched one by one up to this many array items (16 keys). */
const LINEAR_LOOKUP_ITEMS = 32;
/** A key read twice keeps its last offset, as the value does (the constructor keeps the last of duplicate keys). */
function lastOffsetOf(list, key) {
    for (let i = list.length - 2; i >= 0; i -= 2)
        if (list[i] === key)
            return list[i + 1];
    return undefined;
}
/** Turns character offsets into 1-based lines and columns with a binary search over line starts. */
class LineIndex {
    firstLine;
    lineStarts;
    /**
     * Line breaks as YAML (and kubectl's parser) count them: LF, CRLF, and a bare CR (classic Mac files). A text that is
     * part of a file, starting at the start of a line, gives where it starts there: its offset and line.
     */
    constructor(text, offset = 0, firstLine = 1) {
        this.firstLine = firstLine;
        const starts = (this.lineStarts = [offset]);
        // Nearly every file has no carriage return: then the native search finds each line break, about three
        // times faster than reading the text a character at a time.
        if (!text.includes('\r')) {
            for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
                starts.push(offset + i + 1);
            return;
        }
        for (let i = 0; i < text.length; i++) {
            const c = text.charCodeAt(i);
            if (c === 10)
                starts.push(offset + i + 1);
            else if (c === 13 && text.charCodeAt(i + 1) !== 10)
                starts.push(offset + i + 1);
        }
    }
    /**
     * Where an offset sits in the file at `path`. Built as one literal with all three fields: a location spread
     * from `{ path }` keeps line and column in a separate property store, which a hundred thousand entries
     * (three locations each) pay for in memory.
     */
    location(path, offset) {
        const { line, column } = this.position(offset);
        return { path, line, column };
    }
    /** The line an offset is on. */
    lineOf(offset) {
        return this.position(offset).line;
    }
    position(offset) {
        let lo = 0;
        let hi = this.lineStarts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.lineStarts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return { line: lo + this.firstLine, column: offset - this.lineStarts[lo] + 1 };
    }
}

/**
 * Unrendered templates (Helm/Go `{{ … }}`, ytt `#@`) are not manifests: what
 * their scalars hold is not what a cluster receives, so they are never read as
 * literal values. Every scan here is a single forward pass over the text, so a
 * hostile file (a line of a million `{{`) costs linear time.
 */
/**
 * True when a document holds `{{` followed later by `}}`, or a ytt `#@`
 * annotation (a comment that starts with `@`). Callers pass one document's text (not a whole
 * file with offsets), so no search runs past the document it is about.
 */
function looksLikeTemplate(doc) {
    const open = doc.indexOf('{{');
    if (open >= 0 && doc.indexOf('}}', open + 2) >= 0)
        return true;
    return hasYttAnnotation(doc);
}
/** `#@` starting a YAML comment: at a line start or after a blank (`namespace: #@ data.values.ns`). */
function hasYttAnnotation(doc) {
    for (let at = doc.indexOf('#@'); at >= 0; at = doc.indexOf('#@', at + 2)) {
        const before = at === 0 ? '\n' : doc[at - 1];
        if (before === '\n' || before === ' ' || before === '\t' || before === '\r')
            return true;
    }
    return false;
}
/** Quick check before splitting: whether any template marker is in the file at all. */
function mayHoldTemplates(text) {
    return text.includes('{{') || text.includes('#@');
}
/**
 * The documents of a stream, split where a line starts with `---` or `...`
 * (followed by a blank or the line end), without a regular expression.
 */
function documentSpans(text) {
    const spans = [];
    let start = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
        if (isMarkerAt(text, i + 1)) {
            spans.push({ start, end: i + 1 });
            start = i + 1;
        }
    }
    spans.push({ start, end: text.length });
    return spans;
}
function isMarkerAt(text, at) {
    const c = text.charCodeAt(at);
    if (c !== 0x2d && c !== 0x2e)
        return false; // '-' or '.'
    if (text.charCodeAt(at + 1) !== c || text.charCodeAt(at + 2) !== c)
        return false;
    const after = text.charCodeAt(at + 3);
    return Number.isNaN(after) || after === 0x20 || after === 0x09 || after === 0x0d || after === 0x0a;
}
/** Which analysed kind a document declares (`kind: ServiceEntry` anywhere in it, a List's items included), if any. */
function declaredAnalysedKind(doc) {
    for (const kind of ['ServiceEntry', 'Sidecar']) {
        let at = doc.indexOf(kind);
        while (at >= 0) {
            if (isKindValue(doc, at, kind.length))
                return kind;
            at = doc.indexOf(kind, at + kind.length);
        }
    }
    return undefined;
}
/** `kind:` then optional blanks/quote, then the word, then a quote, blank, comment or line end. */
function isKindValue(text, at, length) {
    let i = at - 1;
    if (i >= 0 && (text[i] === '"' || text[i] === "'"))
        i--;
    while (i >= 0 && (text[i] === ' ' || text[i] === '\t'))
        i--;
    if (i < 4 || text.slice(i - 4, i + 1) !== 'kind:')
        return false;
    const after = text[at + length];
    return after === undefined || after === '"' || after === "'" || after === ' ' || after === '\t' || after === '\r' || after === '\n';
}
/** The text with the given spans blanked (every character but a newline becomes a space), so offsets and lines stay. */
function blankSpans(text, spans) {
    if (spans.length === 0)
        return text;
    const parts = [];
    let at = 0;
    for (const span of spans) {
        parts.push(text.slice(at, span.start));
        parts.push(text.slice(span.start, span.end).replace(/[^\n]+/g, (run) => ' '.repeat(run.length)));
        at = span.end;
    }
    parts.push(text.slice(at));
    return parts.join('');
}

/*! js-yaml 5.5.0 https://github.com/nodeca/js-yaml @license MIT */
//#region src/tag.ts
/**
* Returned by a scalar resolver when the source does not match its tag.
*
* @category Tags
*/
var NOT_RESOLVED = Symbol("NOT_RESOLVED");
/**
* Create a normalized scalar tag definition.
*
* @category Tags
*/
function defineScalarTag(tagName, options) {
	return {
		tagName,
		nodeKind: "scalar",
		implicit: options.implicit ?? false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		implicitFirstChars: options.implicitFirstChars ?? null,
		resolve: options.resolve,
		identify: options.identify,
		represent: options.represent ?? ((data) => String(data)),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
/**
* Create a normalized sequence tag definition.
*
* @category Tags
*/
function defineSequenceTag(tagName, options) {
	const carrierIsResult = options.finalize === void 0;
	return {
		tagName,
		nodeKind: "sequence",
		implicit: false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		create: options.create,
		addItem: options.addItem,
		finalize: options.finalize ?? ((carrier) => carrier),
		carrierIsResult,
		identify: options.identify,
		represent: options.represent ?? ((data) => data),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
/**
* Create a normalized mapping tag definition.
*
* @category Tags
*/
function defineMappingTag(tagName, options) {
	const carrierIsResult = options.finalize === void 0;
	return {
		tagName,
		nodeKind: "mapping",
		implicit: false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		create: options.create,
		addPair: options.addPair,
		has: options.has,
		keys: options.keys,
		get: options.get,
		finalize: options.finalize ?? ((carrier) => carrier),
		carrierIsResult,
		identify: options.identify,
		represent: options.represent ?? ((data) => data),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
//#endregion
//#region src/tag/scalar/str.ts
/** @category Tags */
var strTag = defineScalarTag("tag:yaml.org,2002:str", {
	resolve: (source) => source,
	identify: (data) => typeof data === "string"
});
//#endregion
//#region src/tag/scalar/null_core.ts
var NULL_VALUES$1 = [
	"",
	"~",
	"null",
	"Null",
	"NULL"
];
/** @category Tags */
var nullCoreTag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: [
		"",
		"~",
		"n",
		"N"
	],
	resolve: (source) => {
		if (NULL_VALUES$1.indexOf(source) !== -1) return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/null_json.ts
/** @category Tags */
var nullJsonTag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: ["n"],
	resolve: (source, isExplicit) => {
		if (source === "null" || isExplicit && source === "") return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/null_yaml11.ts
var NULL_VALUES = [
	"",
	"~",
	"null",
	"Null",
	"NULL"
];
/** @category Tags */
var nullYaml11Tag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: [
		"",
		"~",
		"n",
		"N"
	],
	resolve: (source) => {
		if (NULL_VALUES.indexOf(source) !== -1) return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/bool_core.ts
var TRUE_VALUES$2 = [
	"true",
	"True",
	"TRUE"
];
var FALSE_VALUES$2 = [
	"false",
	"False",
	"FALSE"
];
/** @category Tags */
var boolCoreTag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: [
		"t",
		"T",
		"f",
		"F"
	],
	resolve: (source) => {
		if (TRUE_VALUES$2.indexOf(source) !== -1) return true;
		if (FALSE_VALUES$2.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/bool_json.ts
var TRUE_VALUES$1 = ["true"];
var FALSE_VALUES$1 = ["false"];
/** @category Tags */
var boolJsonTag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: ["t", "f"],
	resolve: (source) => {
		if (TRUE_VALUES$1.indexOf(source) !== -1) return true;
		if (FALSE_VALUES$1.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/bool_yaml11.ts
var TRUE_VALUES = [
	"true",
	"True",
	"TRUE",
	"y",
	"Y",
	"yes",
	"Yes",
	"YES",
	"on",
	"On",
	"ON"
];
var FALSE_VALUES = [
	"false",
	"False",
	"FALSE",
	"n",
	"N",
	"no",
	"No",
	"NO",
	"off",
	"Off",
	"OFF"
];
/** @category Tags */
var boolYaml11Tag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: [
		"y",
		"Y",
		"n",
		"N",
		"t",
		"T",
		"f",
		"F",
		"o",
		"O"
	],
	resolve: (source) => {
		if (TRUE_VALUES.indexOf(source) !== -1) return true;
		if (FALSE_VALUES.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/int_core.ts
var YAML_INTEGER_IMPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
var YAML_INTEGER_EXPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$2(source) {
	let value = source;
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger$2(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_INTEGER_EXPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
	} else if (!YAML_INTEGER_IMPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger$2(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intCoreTag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		..."0123456789"
	],
	resolve: resolveYamlInteger$2,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/int_json.ts
var YAML_INTEGER_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)$");
var YAML_INTEGER_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$1(source) {
	let value = source;
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger$1(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_INTEGER_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	} else if (!YAML_INTEGER_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger$1(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intJsonTag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: ["-", ..."0123456789"],
	resolve: resolveYamlInteger$1,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/int_yaml11.ts
var YAML_INTEGER_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+|[-+]?(?:0|[1-9][0-9_]*))$");
function parseYamlInteger(source) {
	let value = source.replace(/_/g, "");
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	if (value.includes(":")) {
		let result = 0;
		for (const part of value.split(":")) result = result * 60 + Number(part);
		return sign * result;
	}
	if (value !== "0" && value[0] === "0") return sign * parseInt(value, 8);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger(source) {
	if (!YAML_INTEGER_PATTERN.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intYaml11Tag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		..."0123456789"
	],
	resolve: resolveYamlInteger,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/float_core.ts
var YAML_FLOAT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$2(source) {
	if (!YAML_FLOAT_PATTERN$1.test(source)) return NOT_RESOLVED;
	let value = source.toLowerCase();
	const sign = value[0] === "-" ? -1 : 1;
	if ("+-".includes(value[0])) value = value.slice(1);
	if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
	if (value === ".nan") return NaN;
	const result = sign * parseFloat(value);
	if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN$1.test(source)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat$2(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatCoreTag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		".",
		..."0123456789"
	],
	resolve: resolveYamlFloat$2,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat$2
});
//#endregion
//#region src/tag/scalar/float_json.ts
var YAML_FLOAT_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$");
var YAML_FLOAT_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$1(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_FLOAT_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
		let value = source.toLowerCase();
		const sign = value[0] === "-" ? -1 : 1;
		if ("+-".includes(value[0])) value = value.slice(1);
		if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
		if (value === ".nan") return NaN;
		const result = sign * parseFloat(value);
		return Number.isFinite(result) ? result : NOT_RESOLVED;
	}
	if (!YAML_FLOAT_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	const result = Number(source);
	if (Number.isFinite(result)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat$1(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatJsonTag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: ["-", ..."0123456789"],
	resolve: resolveYamlFloat$1,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat$1
});
//#endregion
//#region src/tag/scalar/float_yaml11.ts
var YAML_FLOAT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?(?:(?:[0-9][0-9_]*)?\\.[0-9_]*)(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat(source) {
	if (!YAML_FLOAT_PATTERN.test(source)) return NOT_RESOLVED;
	let value = source.toLowerCase().replace(/_/g, "");
	const sign = value[0] === "-" ? -1 : 1;
	if ("+-".includes(value[0])) value = value.slice(1);
	if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
	if (value === ".nan") return NaN;
	let result = 0;
	if (value.includes(":")) {
		for (const part of value.split(":")) result = result * 60 + Number(part);
		result *= sign;
	} else result = sign * parseFloat(value);
	if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN.test(source)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatYaml11Tag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		".",
		..."0123456789"
	],
	resolve: resolveYamlFloat,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat
});
//#endregion
//#region src/tag/scalar/merge.ts
/**
* Enables merge keys in {@link CORE_SCHEMA} when added with
* {@link Schema.withTags}.
*
* @category Tags
*/
var mergeTag = defineScalarTag("tag:yaml.org,2002:merge", {
	implicit: true,
	implicitFirstChars: ["<"],
	resolve: (source, isExplicit) => {
		if (source === "<<" || isExplicit && source === "") return "<<";
		return NOT_RESOLVED;
	},
	identify: () => false
});
//#endregion
//#region src/tag/scalar/binary.ts
var BASE64_PATTERN = /^[A-Za-z0-9+/]*={0,2}$/;
function resolveYamlBinary(source) {
	const input = source.replace(/\s/g, "");
	if (input.length % 4 !== 0 || !BASE64_PATTERN.test(input)) return NOT_RESOLVED;
	const binary = atob(input);
	const result = new Uint8Array(binary.length);
	for (let index = 0; index < binary.length; index++) result[index] = binary.charCodeAt(index);
	return result;
}
function representYamlBinary(object) {
	let binary = "";
	for (let index = 0; index < object.length; index++) binary += String.fromCharCode(object[index]);
	return btoa(binary);
}
/**
* The `!!binary` tag, represented as a `Uint8Array`.
*
* @category Tags
*/
var binaryTag = defineScalarTag("tag:yaml.org,2002:binary", {
	resolve: resolveYamlBinary,
	identify: (object) => Object.prototype.toString.call(object) === "[object Uint8Array]",
	represent: representYamlBinary
});
//#endregion
//#region src/tag/scalar/timestamp.ts
var YAML_DATE_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$");
var YAML_TIMESTAMP_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\\.([0-9]*))?(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?$");
function makeUtcDate(year, month, day, hour = 0, minute = 0, second = 0, fraction = 0) {
	const date = new Date(Date.UTC(year, month, day, hour, minute, second, fraction));
	date.setUTCFullYear(year, month, day);
	return date;
}
function resolveYamlTimestamp(source) {
	let match = YAML_DATE_REGEXP.exec(source);
	if (match === null) match = YAML_TIMESTAMP_REGEXP.exec(source);
	if (match === null) return NOT_RESOLVED;
	const year = +match[1];
	const month = +match[2] - 1;
	const day = +match[3];
	if (!match[4]) {
		const date = makeUtcDate(year, month, day);
		if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return NOT_RESOLVED;
		return date;
	}
	const hour = +match[4];
	const minute = +match[5];
	const second = +match[6];
	let fraction = 0;
	if (hour > 23 || minute > 59 || second > 59) return NOT_RESOLVED;
	if (match[7]) {
		let value = match[7].slice(0, 3);
		while (value.length < 3) value += "0";
		fraction = +value;
	}
	const date = makeUtcDate(year, month, day, hour, minute, second, fraction);
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return NOT_RESOLVED;
	if (match[9]) {
		const offsetHour = +match[10];
		const offsetMinute = +(match[11] || 0);
		if (offsetHour > 23 || offsetMinute > 59) return NOT_RESOLVED;
		const offset = (offsetHour * 60 + offsetMinute) * 6e4;
		date.setTime(date.getTime() - (match[9] === "-" ? -offset : offset));
	}
	return date;
}
/**
* The YAML 1.1 `!!timestamp` tag, represented as a JavaScript `Date`.
*
* @category Tags
*/
var timestampTag = defineScalarTag("tag:yaml.org,2002:timestamp", {
	implicit: true,
	implicitFirstChars: [..."0123456789"],
	resolve: resolveYamlTimestamp,
	identify: (object) => object instanceof Date,
	represent: (object) => object.toISOString()
});
//#endregion
//#region src/tag/sequence/seq.ts
/** @category Tags */
var seqTag = defineSequenceTag("tag:yaml.org,2002:seq", {
	create: () => [],
	addItem: (container, item) => {
		container.push(item);
	},
	identify: Array.isArray
});
//#endregion
//#region src/common/object.ts
function isPlainObject$1(data) {
	if (data === null || typeof data !== "object" || Array.isArray(data)) return false;
	const prototype = Object.getPrototypeOf(data);
	return prototype === null || prototype === Object.prototype;
}
//#endregion
//#region src/tag/sequence/omap.ts
/**
* Provided only for YAML 1.1 compatibility and supported by the loader only.
* JavaScript has no dedicated class to represent this type, so it cannot be
* identified and dumped.
*
* ```yaml
* !!omap
*   - one: 1
*   - two: 2
* ```
*
* is loaded as
*
* ```javascript
* [
*   { one: 1 },
*   { two: 2 }
* ]
* ```
*
* @category Tags
*/
var omapTag = defineSequenceTag("tag:yaml.org,2002:omap", {
	create: () => ({
		list: [],
		seen: /* @__PURE__ */ new Set()
	}),
	addItem: (carrier, item) => {
		let key;
		if (item instanceof Map) {
			if (item.size !== 1) return "cannot resolve an ordered map item";
			key = item.keys().next().value;
		} else if (isPlainObject$1(item)) {
			const itemKeys = Object.keys(item);
			if (itemKeys.length !== 1) return "cannot resolve an ordered map item";
			key = itemKeys[0];
		} else return "cannot resolve an ordered map item";
		if (carrier.seen.has(key)) return "duplicate key in ordered map";
		carrier.seen.add(key);
		carrier.list.push(item);
		return "";
	},
	finalize: (carrier) => carrier.list,
	identify: () => false
});
//#endregion
//#region src/tag/sequence/pairs.ts
/**
* Provided only for YAML 1.1 compatibility and supported by the loader only.
* JavaScript has no dedicated class to represent this type, so it cannot be
* identified and dumped.
*
* ```yaml
* !!pairs
*   - one: 1
*   - two: 2
* ```
*
* is loaded as
*
* ```javascript
* [
*   ['one', 1],
*   ['two', 2]
* ]
* ```
*
* @category Tags
*/
var pairsTag = defineSequenceTag("tag:yaml.org,2002:pairs", {
	create: () => [],
	addItem: (container, item) => {
		if (item instanceof Map) {
			if (item.size !== 1) return "cannot resolve a pairs item";
			container.push(item.entries().next().value);
			return "";
		}
		if (Object.prototype.toString.call(item) !== "[object Object]") return "cannot resolve a pairs item";
		const object = item;
		const keys = Object.keys(object);
		if (keys.length !== 1) return "cannot resolve a pairs item";
		container.push([keys[0], object[keys[0]]]);
		return "";
	},
	identify: () => false
});
//#endregion
//#region src/tag/mapping/map.ts
/**
* This is the default mapping implementation. It uses `{}` objects and has only
* partial functionality due to language limitations. This choice was made
* because users expect to get JavaScript objects, and it was left unchanged to
* avoid too many breaking changes in the v5 release.
*
* Side effects:
*
* - `Object.hasOwn()` checks or `for...of` loops are required for safe use (to
*   avoid falling through to prototypes).
* - Only scalar string keys are supported properly.
* - Other scalar keys, such as `null` and numbers, are converted to strings.
*   This is historical behaviour, and it can cause side effects such as
*   problems with `!!merge`.
*
* Note that non-string scalar keys may be deprecated in future versions.
*
* Ideally, use {@link realMapTag} instead.
*
* @category Tags
*/
var mapTag = defineMappingTag("tag:yaml.org,2002:map", {
	create: () => ({}),
	identify: isPlainObject$1,
	represent: (o) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of Object.keys(o)) map.set(key, o[key]);
		return map;
	},
	addPair: (container, key, value) => {
		if (key !== null && typeof key === "object") return "object-based map does not support complex keys";
		const normalizedKey = String(key);
		if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
			value,
			enumerable: true,
			configurable: true,
			writable: true
		});
		else container[normalizedKey] = value;
		return "";
	},
	has: (container, key) => {
		if (key !== null && typeof key === "object") return false;
		return Object.prototype.hasOwnProperty.call(container, String(key));
	},
	keys: (container) => Object.keys(container),
	get: (container, key) => {
		const normalizedKey = String(key);
		if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
		return container[normalizedKey];
	}
});
//#endregion
//#region src/tag/mapping/set.ts
/**
* The YAML 1.1 `!!set` tag, represented as a JavaScript `Set`.
*
* @category Tags
*/
var setTag = defineMappingTag("tag:yaml.org,2002:set", {
	create: () => /* @__PURE__ */ new Set(),
	identify: (data) => data instanceof Set,
	represent: (data) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of data) map.set(key, null);
		return map;
	},
	addPair: (container, key, value) => {
		if (value !== null) return "cannot resolve a set item";
		container.add(key);
		return "";
	},
	has: (container, key) => container.has(key),
	keys: (container) => container.keys(),
	get: () => null
});
//#endregion
//#region src/schema.ts
function createTagDefinitionMap() {
	return {
		scalar: Object.create(null),
		sequence: Object.create(null),
		mapping: Object.create(null)
	};
}
function createTagDefinitionListMap() {
	return {
		scalar: [],
		sequence: [],
		mapping: []
	};
}
function compileTags(tags) {
	const result = [];
	for (const tag of tags) {
		let index = result.length;
		for (let previousIndex = 0; previousIndex < result.length; previousIndex++) {
			const previous = result[previousIndex];
			if (previous.nodeKind === tag.nodeKind && previous.tagName === tag.tagName && previous.matchByTagPrefix === tag.matchByTagPrefix) {
				index = previousIndex;
				break;
			}
		}
		result[index] = tag;
	}
	return result;
}
/**
* Controls tag resolution when loading and type selection when dumping.
*
* @category Schemas
*/
var Schema = class Schema {
	tags;
	/** @internal */
	implicitScalarTags;
	/**
	* Dispatch implicit scalar resolvers by `source.charAt(0)`. Each bucket holds
	* the resolvers that may match that key, in schema order; a key absent from
	* the map uses
	* {@link Schema.implicitScalarAnyFirstChar}
	* (resolvers that declared no first-char constraint, so they apply to any
	* first character).
	*/
	implicitScalarByFirstChar;
	implicitScalarAnyFirstChar;
	/**
	* The default scalar tag (`!!str`), resolved once so the composer's fallback
	* for unresolved plain scalars avoids a keyed lookup per scalar.
	*
	* @internal
	*/
	defaultScalarTag;
	/**
	* The default container tags (`!!seq` / `!!map`), used by the dumper: when a
	* value is identified by its default tag, the tag is implicit and not
	* printed. Undefined if the schema does not define them (then such values
	* can't be dumped).
	*
	* @internal
	*/
	defaultSequenceTag;
	/** @internal */
	defaultMappingTag;
	exact;
	prefix;
	constructor(tags) {
		const compiledTags = compileTags(tags);
		const implicitScalarTags = [];
		const exact = createTagDefinitionMap();
		const prefix = createTagDefinitionListMap();
		for (const tag of compiledTags) {
			if (tag.nodeKind === "scalar" && tag.implicit) {
				if (tag.matchByTagPrefix) throw new Error("Implicit scalar tags cannot match by tag prefix");
				implicitScalarTags.push(tag);
			}
			switch (tag.nodeKind) {
				case "scalar":
					if (tag.matchByTagPrefix) prefix.scalar.push(tag);
					else exact.scalar[tag.tagName] = tag;
					break;
				case "sequence":
					if (tag.matchByTagPrefix) prefix.sequence.push(tag);
					else exact.sequence[tag.tagName] = tag;
					break;
				case "mapping": if (tag.matchByTagPrefix) prefix.mapping.push(tag);
				else exact.mapping[tag.tagName] = tag;
			}
		}
		const implicitScalarAnyFirstChar = implicitScalarTags.filter((tag) => tag.implicitFirstChars === null);
		const keys = /* @__PURE__ */ new Set();
		for (const tag of implicitScalarTags) if (tag.implicitFirstChars !== null) for (const key of tag.implicitFirstChars) keys.add(key);
		const implicitScalarByFirstChar = /* @__PURE__ */ new Map();
		for (const key of keys) implicitScalarByFirstChar.set(key, implicitScalarTags.filter((tag) => tag.implicitFirstChars === null || tag.implicitFirstChars.indexOf(key) !== -1));
		const defaultScalarTag = exact.scalar["tag:yaml.org,2002:str"];
		if (!defaultScalarTag) throw new Error("schema does not define the default scalar tag (tag:yaml.org,2002:str)");
		this.tags = compiledTags;
		this.implicitScalarTags = implicitScalarTags;
		this.implicitScalarByFirstChar = implicitScalarByFirstChar;
		this.implicitScalarAnyFirstChar = implicitScalarAnyFirstChar;
		this.defaultScalarTag = defaultScalarTag;
		this.defaultSequenceTag = exact.sequence["tag:yaml.org,2002:seq"];
		this.defaultMappingTag = exact.mapping["tag:yaml.org,2002:map"];
		this.exact = exact;
		this.prefix = prefix;
	}
	/** @internal */
	lookupScalarTag(tagName) {
		const exactTag = this.exact.scalar[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.scalar) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	lookupSequenceTag(tagName) {
		const exactTag = this.exact.sequence[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.sequence) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	lookupMappingTag(tagName) {
		const exactTag = this.exact.mapping[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.mapping) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	resolveImplicitScalarTag(source) {
		const candidates = this.implicitScalarByFirstChar.get(source.charAt(0)) ?? this.implicitScalarAnyFirstChar;
		for (const tag of candidates) {
			const value = tag.resolve(source, false, tag.tagName);
			if (value !== NOT_RESOLVED) return {
				value,
				tag
			};
		}
		const tag = this.defaultScalarTag;
		return {
			value: tag.resolve(source, false, tag.tagName),
			tag
		};
	}
	/**
	* Creates a new schema with the specified tags added. If a tag already
	* exists, it is replaced by the specified tag.
	*
	* @example
	*
	* ```javascript
	* import { CORE_SCHEMA, mergeTag, realMapTag } from 'js-yaml'
	*
	* const schema = CORE_SCHEMA.withTags(mergeTag, realMapTag)
	* ```
	*/
	withTags(...tags) {
		let flatTags = [];
		for (const tag of tags) flatTags = flatTags.concat(tag);
		return new Schema([...this.tags, ...flatTags]);
	}
};
/**
* The YAML 1.2 Failsafe Schema: strings, sequences, and mappings.
*
* @category Schemas
*/
var FAILSAFE_SCHEMA = new Schema([
	strTag,
	seqTag,
	mapTag
]);
/**
* The YAML 1.2 JSON Schema. It uses JSON scalar forms while retaining YAML
* collection syntax.
*
* @category Schemas
*/
new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullJsonTag,
	boolJsonTag,
	intJsonTag,
	floatJsonTag
]);
/**
* The default schema for the loaders. Note, {@link CORE_SCHEMA} comes
* without the `!!merge` tag. You can easily enable it if needed.
*
* @example
* Enable {@link mergeTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, mergeTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(mergeTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Schemas
*/
var CORE_SCHEMA = new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullCoreTag,
	boolCoreTag,
	intCoreTag,
	floatCoreTag
]);
/**
* YAML 1.1-compatible schema.
*
* @category Schemas
*/
var YAML11_SCHEMA = new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullYaml11Tag,
	boolYaml11Tag,
	intYaml11Tag,
	floatYaml11Tag,
	timestampTag,
	mergeTag,
	binaryTag,
	omapTag,
	pairsTag,
	setTag
]);
/**
* The dumper schema for maximum compatibility. It combines all supported type
* variants from YAML 1.1 and YAML 1.2 so strings matching any of them are
* quoted. This makes the generated YAML more compatible with other parsers.
*
* The schema is based on YAML 1.1, but extends `!!int` and `!!float` to accept
* both YAML 1.1 and Core Schema forms, since Core Schema supports some forms
* that YAML 1.1 does not.
*
* @category Schemas
*/
YAML11_SCHEMA.withTags({
	...intYaml11Tag,
	resolve: (source, isExplicit, tagName) => {
		const result = intYaml11Tag.resolve(source, isExplicit, tagName);
		return result === NOT_RESOLVED ? intCoreTag.resolve(source, isExplicit, tagName) : result;
	}
}, {
	...floatYaml11Tag,
	resolve: (source, isExplicit, tagName) => {
		const result = floatYaml11Tag.resolve(source, isExplicit, tagName);
		return result === NOT_RESOLVED ? floatCoreTag.resolve(source, isExplicit, tagName) : result;
	}
});
//#endregion
//#region src/tag/mapping/real_map.ts
/**
* Recommended when non-string keys are actually needed. It uses native
* JavaScript `Map` objects, so keys keep their constructed types instead of
* being converted to strings.
*
* It is not the default to avoid widespread breaking changes in existing
* projects. `Map` has a different access API and does not pass deep equality
* checks against `{}`-based fixtures. Alongside the other changes in v5,
* making it the default was considered too disruptive.
*
* If these differences are acceptable for your project, we recommend using
* {@link realMapTag} to guarantee the absence of problems and side effects.
*
* @example
* Enable {@link realMapTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, realMapTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(realMapTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Tags
*/
defineMappingTag("tag:yaml.org,2002:map", {
	create: () => /* @__PURE__ */ new Map(),
	addPair: (container, key, value) => {
		container.set(key, value);
		return "";
	},
	has: (container, key) => container.has(key),
	keys: (container) => container.keys(),
	get: (container, key) => container.get(key),
	identify: (data) => data instanceof Map || isPlainObject$1(data),
	represent: (data) => {
		if (data instanceof Map) return data;
		const map = /* @__PURE__ */ new Map();
		const obj = data;
		for (const key of Object.keys(obj)) map.set(key, obj[key]);
		return map;
	}
});
//#endregion
//#region src/tag/mapping/legacy_map.ts
function normalizeKey(key) {
	if (Array.isArray(key)) {
		const array = Array.prototype.slice.call(key);
		for (let index = 0; index < array.length; index++) {
			if (Array.isArray(array[index])) return null;
			if (typeof array[index] === "object" && Object.prototype.toString.call(array[index]) === "[object Object]") array[index] = "[object Object]";
		}
		return String(array);
	}
	if (typeof key === "object" && Object.prototype.toString.call(key) === "[object Object]") return "[object Object]";
	return String(key);
}
/**
* This implementation exists solely to reproduce v4 behavior exactly. Its use
* is strongly discouraged. If complex or non-string keys are needed, use
* {@link realMapTag} instead.
*
* @category Tags
*/
defineMappingTag("tag:yaml.org,2002:map", {
	create: () => ({}),
	identify: isPlainObject$1,
	represent: (o) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of Object.keys(o)) map.set(key, o[key]);
		return map;
	},
	addPair: (container, key, value) => {
		const normalizedKey = normalizeKey(key);
		if (normalizedKey === null) return "nested arrays are not supported inside keys";
		if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
			value,
			enumerable: true,
			configurable: true,
			writable: true
		});
		else container[normalizedKey] = value;
		return "";
	},
	has: (container, key) => {
		const normalizedKey = normalizeKey(key);
		return normalizedKey !== null && Object.prototype.hasOwnProperty.call(container, normalizedKey);
	},
	keys: (container) => Object.keys(container),
	get: (container, key) => {
		const normalizedKey = String(key);
		if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
		return container[normalizedKey];
	}
});
//#endregion
//#region src/common/snippet.ts
var DEFAULT_SNIPPET_OPTIONS = {
	maxLength: 79,
	indent: 1,
	linesBefore: 3,
	linesAfter: 2
};
function getLine(buffer, lineStart, lineEnd, position, maxLineLength) {
	let head = "";
	let tail = "";
	const maxHalfLength = Math.floor(maxLineLength / 2) - 1;
	if (position - lineStart > maxHalfLength) {
		head = " ... ";
		lineStart = position - maxHalfLength + head.length;
	}
	if (lineEnd - position > maxHalfLength) {
		tail = " ...";
		lineEnd = position + maxHalfLength - tail.length;
	}
	return {
		str: head + buffer.slice(lineStart, lineEnd).replace(/\t/g, "→") + tail,
		pos: position - lineStart + head.length
	};
}
function padStart(string, max) {
	return " ".repeat(Math.max(max - string.length, 0)) + string;
}
function makeSnippet(mark, options) {
	if (!mark.buffer) return null;
	const opts = {
		...DEFAULT_SNIPPET_OPTIONS,
		...options
	};
	const re = /\r?\n|\r|\0/g;
	const lineStarts = [0];
	const lineEnds = [];
	let match;
	let foundLineNo = -1;
	while (match = re.exec(mark.buffer)) {
		lineEnds.push(match.index);
		lineStarts.push(match.index + match[0].length);
		if (mark.position <= match.index && foundLineNo < 0) foundLineNo = lineStarts.length - 2;
	}
	if (foundLineNo < 0) foundLineNo = lineStarts.length - 1;
	let result = "";
	const lineNoLength = Math.min(mark.line + opts.linesAfter, lineEnds.length).toString().length;
	const maxLineLength = opts.maxLength - (opts.indent + lineNoLength + 3);
	for (let i = 1; i <= opts.linesBefore; i++) {
		if (foundLineNo - i < 0) break;
		const line = getLine(mark.buffer, lineStarts[foundLineNo - i], lineEnds[foundLineNo - i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo - i]), maxLineLength);
		result = `${" ".repeat(opts.indent)}${padStart((mark.line - i + 1).toString(), lineNoLength)} | ${line.str}\n${result}`;
	}
	const line = getLine(mark.buffer, lineStarts[foundLineNo], lineEnds[foundLineNo], mark.position, maxLineLength);
	result += `${" ".repeat(opts.indent)}${padStart((mark.line + 1).toString(), lineNoLength)} | ${line.str}\n`;
	result += `${"-".repeat(opts.indent + lineNoLength + 3 + line.pos)}^\n`;
	for (let i = 1; i <= opts.linesAfter; i++) {
		if (foundLineNo + i >= lineEnds.length) break;
		const line = getLine(mark.buffer, lineStarts[foundLineNo + i], lineEnds[foundLineNo + i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo + i]), maxLineLength);
		result += `${" ".repeat(opts.indent)}${padStart((mark.line + i + 1).toString(), lineNoLength)} | ${line.str}\n`;
	}
	return result.replace(/\n$/, "");
}
//#endregion
//#region src/common/exception.ts
function formatError(exception, compact) {
	let where = "";
	if (!exception.mark) return exception.reason;
	if (exception.mark.name) where += `in "${exception.mark.name}" `;
	where += `(${exception.mark.line + 1}:${exception.mark.column + 1})`;
	if (!compact && exception.mark.snippet) where += `\n\n${exception.mark.snippet}`;
	return `${exception.reason} ${where}`;
}
/**
* A YAML error. Unlike an ordinary `Error`, it adds a source snippet showing
* the location of the problem to the error message, when available.
*
* @category Main
*/
var YAMLException = class YAMLException extends Error {
	reason;
	mark;
	/**
	* Optional `mark` contains source snippet data. Usually, use
	* {@link YAMLException.throwAt} instead of passing it directly.
	*/
	constructor(reason, mark) {
		super();
		this.name = "YAMLException";
		this.reason = reason;
		this.mark = mark;
		this.message = formatError(this, false);
		if (Error.captureStackTrace) Error.captureStackTrace(this, this.constructor);
	}
	/**
	* Returns the formatted error, omitting the source snippet in compact mode.
	*/
	toString(compact) {
		return `${this.name}: ${formatError(this, compact)}`;
	}
	/**
	* Builds a YAMLException with a source snippet and throws it. `source` is
	* the raw input text; `position` is an offset into it.
	*/
	static throwAt(source, position, message, filename = "") {
		let line = 0;
		let lineStart = 0;
		for (let index = 0; index < position; index++) {
			const ch = source.charCodeAt(index);
			if (ch === 10) {
				line++;
				lineStart = index + 1;
			} else if (ch === 13) {
				line++;
				if (source.charCodeAt(index + 1) === 10) index++;
				lineStart = index + 1;
			}
		}
		const mark = {
			name: filename,
			buffer: source,
			position,
			line,
			column: position - lineStart
		};
		mark.snippet = makeSnippet(mark);
		throw new YAMLException(message, mark);
	}
};
//#endregion
//#region src/parser/events.ts
/** @category Events */
var EVENT_ID = {
	DOCUMENT: 1,
	SEQUENCE: 2,
	MAPPING: 3,
	SCALAR: 4,
	ALIAS: 5,
	POP: 6
};
/** @category Nodes */
var SCALAR_STYLE = {
	PLAIN: 1,
	SINGLE_QUOTED: 2,
	DOUBLE_QUOTED: 3,
	LITERAL_BLOCK: 4,
	FOLDED_BLOCK: 5
};
/** @category Nodes */
var COLLECTION_STYLE = {
	BLOCK: 1,
	FLOW: 2
};
/** @category Nodes */
var CHOMPING_MODE = {
	CLIP: 1,
	STRIP: 2,
	KEEP: 3
};
//#endregion
//#region src/parser/parser_scalar.ts
var NO_RANGE$3 = -1;
function simpleEscapeSequence(c) {
	switch (c) {
		case 48: return "\0";
		case 97: return "\x07";
		case 98: return "\b";
		case 116: return "	";
		case 9: return "	";
		case 110: return "\n";
		case 118: return "\v";
		case 102: return "\f";
		case 114: return "\r";
		case 101: return "\x1B";
		case 32: return " ";
		case 34: return "\"";
		case 47: return "/";
		case 92: return "\\";
		case 78: return "";
		case 95: return "\xA0";
		case 76: return "\u2028";
		case 80: return "\u2029";
		default: return "";
	}
}
var simpleEscapeCheck = new Array(256);
var simpleEscapeMap = new Array(256);
for (let i = 0; i < 256; i++) {
	simpleEscapeCheck[i] = simpleEscapeSequence(i) ? 1 : 0;
	simpleEscapeMap[i] = simpleEscapeSequence(i);
}
function charFromCodepoint(c) {
	if (c <= 65535) return String.fromCharCode(c);
	return String.fromCharCode((c - 65536 >> 10) + 55296, (c - 65536 & 1023) + 56320);
}
function fromHexCode$1(c) {
	if (c >= 48 && c <= 57) return c - 48;
	return (c | 32) - 97 + 10;
}
function escapedHexLen$1(c) {
	if (c === 120) return 2;
	if (c === 117) return 4;
	return 8;
}
function skipFoldedBreaks(input, position, end) {
	let breaks = 0;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 10) {
			breaks++;
			position++;
		} else if (ch === 13) {
			breaks++;
			position++;
			if (input.charCodeAt(position) === 10) position++;
		} else if (ch === 32 || ch === 9) position++;
		else break;
	}
	return {
		position,
		breaks
	};
}
function foldedBreaks(count) {
	if (count === 1) return " ";
	return "\n".repeat(count - 1);
}
function getPlainValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, captureEnd);
}
function getSingleQuotedValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 39) {
			result += input.slice(captureStart, position) + "'";
			position += 2;
			captureStart = captureEnd = position;
		} else if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, end);
}
function getDoubleQuotedValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 92) {
			result += input.slice(captureStart, position);
			position++;
			const escaped = input.charCodeAt(position);
			if (escaped === 10 || escaped === 13) position = skipFoldedBreaks(input, position, end).position;
			else if (escaped < 256 && simpleEscapeCheck[escaped]) {
				result += simpleEscapeMap[escaped];
				position++;
			} else {
				let hexLength = escapedHexLen$1(escaped);
				let hexResult = 0;
				for (; hexLength > 0; hexLength--) {
					position++;
					const digit = fromHexCode$1(input.charCodeAt(position));
					hexResult = (hexResult << 4) + digit;
				}
				result += charFromCodepoint(hexResult);
				position++;
			}
			captureStart = captureEnd = position;
		} else if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, end);
}
function getBlockValue(input, start, end, indent, chomping, folded) {
	const textIndent = indent < 0 ? 0 : indent;
	const region = input.slice(start, end).replace(/\r\n?/g, "\n");
	const lines = region === "" ? [] : (region.endsWith("\n") ? region.slice(0, -1) : region).split("\n");
	let result = "";
	let didReadContent = false;
	let emptyLines = 0;
	let atMoreIndented = false;
	for (const line of lines) {
		let column = 0;
		while (column < textIndent && line.charCodeAt(column) === 32) column++;
		if (indent < 0 || column >= line.length) {
			emptyLines++;
			continue;
		}
		const content = line.slice(textIndent);
		const first = content.charCodeAt(0);
		if (folded) {
			if (first === 32 || first === 9) {
				atMoreIndented = true;
				result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
			} else if (atMoreIndented) {
				atMoreIndented = false;
				result += "\n".repeat(emptyLines + 1);
			} else if (emptyLines === 0) {
				if (didReadContent) result += " ";
			} else result += "\n".repeat(emptyLines);
		} else result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
		result += content;
		didReadContent = true;
		emptyLines = 0;
	}
	if (chomping === CHOMPING_MODE.KEEP) result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
	else if (chomping !== CHOMPING_MODE.STRIP) {
		if (didReadContent) result += "\n";
	}
	return result;
}
/**
* Decodes the scalar referenced by event offsets in `input`.
*
* @category Events
*/
function getScalarValue(input, scalar) {
	if (scalar.valueStart === NO_RANGE$3) return "";
	const { valueStart, valueEnd } = scalar;
	if (scalar.fast) return input.slice(valueStart, valueEnd);
	switch (scalar.style) {
		case SCALAR_STYLE.SINGLE_QUOTED: return getSingleQuotedValue(input, valueStart, valueEnd);
		case SCALAR_STYLE.DOUBLE_QUOTED: return getDoubleQuotedValue(input, valueStart, valueEnd);
		case SCALAR_STYLE.LITERAL_BLOCK: return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, false);
		case SCALAR_STYLE.FOLDED_BLOCK: return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, true);
		default: return getPlainValue(input, valueStart, valueEnd);
	}
}
//#endregion
//#region src/common/tagname.ts
var DEFAULT_TAG_HANDLERS = Object.assign(Object.create(null), {
	"!": "!",
	"!!": "tag:yaml.org,2002:"
});
function tagPercentDecode(source) {
	let result = "";
	let index = 0;
	while (index < source.length) {
		if (source.charCodeAt(index) !== 37) {
			result += source[index++];
			continue;
		}
		let ch = parseInt(source.slice(index + 1, index + 3), 16);
		index += 3;
		if (ch >= 192) {
			let remaining = ch < 224 ? 1 : ch < 240 ? 2 : 3;
			ch &= (1 << 6 - remaining) - 1;
			while (remaining-- > 0) {
				ch = ch << 6 | parseInt(source.slice(index + 1, index + 3), 16) & 63;
				index += 3;
			}
		}
		if (ch < 65536) result += String.fromCharCode(ch);
		else {
			ch -= 65536;
			result += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
		}
	}
	return result;
}
function tagNameFull(rawTag, tagHandlers) {
	if (rawTag.startsWith("!<") && rawTag.endsWith(">")) return tagPercentDecode(rawTag.slice(2, -1));
	const handleEnd = rawTag.indexOf("!", 1);
	const handle = handleEnd === -1 ? "!" : rawTag.slice(0, handleEnd + 1);
	return tagPercentDecode(tagHandlers?.[handle] ?? DEFAULT_TAG_HANDLERS[handle] ?? handle) + tagPercentDecode(rawTag.slice(handle.length));
}
//#endregion
//#region src/parser/constructor.ts
var NO_RANGE$2 = -1;
var MERGE_TAG_NAME = "tag:yaml.org,2002:merge";
var DEFAULT_CONSTRUCTOR_OPTIONS = {
	filename: "",
	schema: CORE_SCHEMA,
	json: false,
	maxTotalMergeKeys: 1e4,
	maxAliases: -1
};
function eventPosition$1(event) {
	if ("tagStart" in event && event.tagStart !== NO_RANGE$2) return event.tagStart;
	if ("anchorStart" in event && event.anchorStart !== NO_RANGE$2) return event.anchorStart;
	if ("valueStart" in event && event.valueStart !== NO_RANGE$2) return event.valueStart;
	if ("start" in event) return event.start;
	return 0;
}
function throwError$1(state, message) {
	YAMLException.throwAt(state.source, state.position, message, state.filename);
}
function finalizeCollection(state, position, tag, carrier) {
	try {
		return tag.finalize(carrier);
	} catch (error) {
		if (error instanceof YAMLException) throw error;
		YAMLException.throwAt(state.source, position, error instanceof Error ? error.message : String(error), state.filename);
	}
}
function constructScalar(state, event) {
	const source = getScalarValue(state.source, event);
	const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
	const strTag = state.schema.defaultScalarTag;
	if (rawTag !== "") {
		if (rawTag === "!") return {
			value: source,
			tag: strTag
		};
		const tagName = tagNameFull(rawTag, state.tagHandlers);
		const scalarTag = state.schema.lookupScalarTag(tagName);
		if (scalarTag) {
			const result = scalarTag.resolve(source, true, tagName);
			if (result === NOT_RESOLVED) throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
			return {
				value: result,
				tag: scalarTag
			};
		}
		const collectionTagDef = state.schema.lookupMappingTag(tagName) ?? state.schema.lookupSequenceTag(tagName);
		if (collectionTagDef) {
			if (source !== "") throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
			const carrier = collectionTagDef.create(tagName);
			return {
				value: collectionTagDef.carrierIsResult ? carrier : finalizeCollection(state, state.position, collectionTagDef, carrier),
				tag: collectionTagDef
			};
		}
		throwError$1(state, `unknown scalar tag !<${tagName}>`);
	}
	if (event.style === SCALAR_STYLE.PLAIN) return state.schema.resolveImplicitScalarTag(source);
	return {
		value: strTag.resolve(source, false, strTag.tagName),
		tag: strTag
	};
}
function collectionTagName(state, event, defaultTagName) {
	const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
	return rawTag === "" || rawTag === "!" ? defaultTagName : tagNameFull(rawTag, state.tagHandlers);
}
function isMappingTag(tag) {
	return tag.nodeKind === "mapping";
}
function chargeMergeWork(state) {
	state.totalMergeKeys++;
	if (state.maxTotalMergeKeys !== -1 && state.totalMergeKeys > state.maxTotalMergeKeys) throwError$1(state, `merge keys exceeded maxTotalMergeKeys (${state.maxTotalMergeKeys})`);
}
function mergeKeys(state, frame, source, sourceTag) {
	chargeMergeWork(state);
	for (const sourceKey of sourceTag.keys(source)) {
		chargeMergeWork(state);
		if (frame.tag.has(frame.value, sourceKey)) continue;
		const err = frame.tag.addPair(frame.value, sourceKey, sourceTag.get(source, sourceKey));
		if (err) throwError$1(state, err);
		frame.overridable ??= /* @__PURE__ */ new Set();
		frame.overridable.add(sourceKey);
	}
}
function mergeSource(state, frame, source, sourceTag) {
	state.position = frame.keyPosition;
	if (isMappingTag(sourceTag)) mergeKeys(state, frame, source, sourceTag);
	else if (sourceTag.nodeKind === "sequence" && Array.isArray(source)) {
		if (source.length > 100) throwError$1(state, "abnormal merge sequence size");
		for (const element of source) {
			const elementTag = state.nodeTags.get(element);
			if (!elementTag) throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
			mergeKeys(state, frame, element, elementTag);
		}
	} else throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
}
function addMappingValue(state, frame, key, value, tag) {
	state.position = frame.keyPosition;
	if (frame.keyIsMerge) {
		mergeSource(state, frame, value, tag);
		return;
	}
	if (!state.json && frame.tag.has(frame.value, key) && !frame.overridable?.has(key)) throwError$1(state, "duplicated mapping key");
	const err = frame.tag.addPair(frame.value, key, value);
	if (err) throwError$1(state, err);
	frame.overridable?.delete(key);
}
function addValue(state, value, tag) {
	const frame = state.frames[state.frames.length - 1];
	if (frame.kind === "document") {
		frame.value = value;
		frame.hasValue = true;
	} else if (frame.kind === "sequence") {
		if (isMappingTag(tag)) state.nodeTags.set(value, tag);
		const err = frame.tag.addItem(frame.value, value, frame.index++);
		if (err) throwError$1(state, err);
	} else if (frame.hasKey) {
		const key = frame.key;
		frame.key = void 0;
		frame.hasKey = false;
		addMappingValue(state, frame, key, value, tag);
	} else {
		frame.key = value;
		frame.keyPosition = state.position;
		frame.hasKey = true;
		frame.keyIsMerge = tag.tagName === MERGE_TAG_NAME;
	}
}
function storeAnchor(state, event, value, tag, isValueFinal) {
	if (event.anchorStart !== NO_RANGE$2) {
		const anchor = {
			value,
			tag,
			isValueFinal
		};
		state.anchors.set(state.source.slice(event.anchorStart, event.anchorEnd), anchor);
		return anchor;
	}
	return null;
}
/**
* Constructs JavaScript documents directly from parser events, without an
* intermediate AST.
*
* @category Events
*/
function constructFromEvents(events, options) {
	// serviceentry-guard: the state is a literal, not a spread of the options. On Node 20 (V8 11.3) the spread
	// state made every parse about three times slower (patches/README.md).
	const { filename, schema, json, maxTotalMergeKeys, maxAliases, source } = {
		...DEFAULT_CONSTRUCTOR_OPTIONS,
		...options
	};
	const state = {
		filename,
		schema,
		json,
		maxTotalMergeKeys,
		maxAliases,
		source,
		events,
		documents: [],
		eventIndex: 0,
		position: 0,
		frames: [],
		anchors: /* @__PURE__ */ new Map(),
		nodeTags: /* @__PURE__ */ new Map(),
		tagHandlers: Object.create(null),
		totalMergeKeys: 0,
		aliasCount: 0
	};
	while (state.eventIndex < state.events.length) {
		const event = state.events[state.eventIndex++];
		state.position = eventPosition$1(event);
		switch (event.type) {
			case EVENT_ID.DOCUMENT:
				state.anchors = /* @__PURE__ */ new Map();
				state.nodeTags = /* @__PURE__ */ new Map();
				state.aliasCount = 0;
				state.tagHandlers = Object.create(null);
				for (const directive of event.directives) if (directive.kind === "tag") state.tagHandlers[directive.handle] = directive.prefix;
				state.frames.push({
					kind: "document",
					position: state.position,
					value: void 0,
					hasValue: false
				});
				break;
			case EVENT_ID.SCALAR: {
				const { value, tag } = constructScalar(state, event);
				storeAnchor(state, event, value, tag, true);
				addValue(state, value, tag);
				break;
			}
			case EVENT_ID.SEQUENCE: {
				const tagName = collectionTagName(state, event, "tag:yaml.org,2002:seq");
				const tag = state.schema.lookupSequenceTag(tagName);
				if (!tag) throwError$1(state, `unknown sequence tag !<${tagName}>`);
				const value = tag.create(tagName);
				const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
				state.frames.push({
					kind: "sequence",
					position: state.position,
					value,
					tag,
					anchor,
					index: 0
				});
				break;
			}
			case EVENT_ID.MAPPING: {
				const tagName = collectionTagName(state, event, "tag:yaml.org,2002:map");
				const tag = state.schema.lookupMappingTag(tagName);
				if (!tag) throwError$1(state, `unknown mapping tag !<${tagName}>`);
				const value = tag.create(tagName);
				const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
				state.frames.push({
					kind: "mapping",
					position: state.position,
					value,
					tag,
					anchor,
					key: void 0,
					keyPosition: state.position,
					hasKey: false,
					keyIsMerge: false,
					overridable: null
				});
				break;
			}
			case EVENT_ID.ALIAS: {
				if (state.maxAliases !== -1 && ++state.aliasCount > state.maxAliases) throwError$1(state, `aliases exceeded maxAliases (${state.maxAliases})`);
				const name = state.source.slice(event.anchorStart, event.anchorEnd);
				const anchor = state.anchors.get(name);
				if (!anchor) throwError$1(state, `unidentified alias "${name}"`);
				if (!anchor.isValueFinal) throwError$1(state, `recursive alias "${name}" is not supported for tag ${anchor.tag.tagName} because it uses finalize()`);
				addValue(state, anchor.value, anchor.tag);
				break;
			}
			case EVENT_ID.POP: {
				const frame = state.frames.pop();
				if (frame.kind === "mapping" && frame.hasKey) {
					state.position = frame.keyPosition;
					throwError$1(state, "incomplete mapping pair in event stream");
				}
				if (frame.kind === "document") state.documents.push(frame.value);
				else {
					const value = frame.tag.carrierIsResult ? frame.value : finalizeCollection(state, frame.position, frame.tag, frame.value);
					if (frame.anchor) {
						frame.anchor.value = value;
						frame.anchor.isValueFinal = true;
					}
					addValue(state, value, frame.tag);
				}
				break;
			}
		}
	}
	return state.documents;
}
//#endregion
//#region src/parser/parser.ts
var NO_RANGE$1 = -1;
var HAS_OWN = Object.prototype.hasOwnProperty;
var CONTEXT_FLOW_IN = 1;
var CONTEXT_FLOW_OUT = 2;
var CONTEXT_BLOCK_IN = 3;
var CONTEXT_BLOCK_OUT = 4;
var PATTERN_NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
var PATTERN_FLOW_INDICATORS = /[,\[\]{}]/;
var PATTERN_TAG_HANDLE = /^(?:!|!!|![0-9A-Za-z-]+!)$/;
var NS_URI_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$,_.!~*'()\[\]])`;
var NS_TAG_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$.~*'()_])`;
var PATTERN_TAG_URI = new RegExp(`^(?:${NS_URI_CHAR})*$`);
var PATTERN_TAG_SUFFIX = new RegExp(`^(?:${NS_TAG_CHAR})+$`);
var PATTERN_TAG_PREFIX = new RegExp(`^(?:!(?:${NS_URI_CHAR})*|${NS_TAG_CHAR}(?:${NS_URI_CHAR})*)$`);
var DEFAULT_PARSER_OPTIONS = {
	filename: "",
	maxDepth: 100
};
function addDocumentEvent(state, explicitStart, explicitEnd) {
	state.events.push({
		type: EVENT_ID.DOCUMENT,
		explicitStart,
		explicitEnd,
		directives: state.directives
	});
}
function addSequenceEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
	state.events.push({
		type: EVENT_ID.SEQUENCE,
		start,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style
	});
}
function addMappingEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
	state.events.push({
		type: EVENT_ID.MAPPING,
		start,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style
	});
}
function insertFlowPairMappingEvent(state, snapshot) {
	state.events.splice(snapshot.eventsLength, 0, {
		type: EVENT_ID.MAPPING,
		start: snapshot.position,
		anchorStart: NO_RANGE$1,
		anchorEnd: NO_RANGE$1,
		tagStart: NO_RANGE$1,
		tagEnd: NO_RANGE$1,
		style: COLLECTION_STYLE.FLOW
	});
}
function addScalarEvent(state, valueStart, valueEnd, anchorStart, anchorEnd, tagStart, tagEnd, style, chomping = CHOMPING_MODE.CLIP, indent = -1, fast = false) {
	state.events.push({
		type: EVENT_ID.SCALAR,
		valueStart,
		valueEnd,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style,
		chomping,
		indent,
		fast
	});
}
function addAliasEvent(state, anchorStart, anchorEnd) {
	state.events.push({
		type: EVENT_ID.ALIAS,
		anchorStart,
		anchorEnd
	});
}
function addPopEvent(state) {
	state.events.push({ type: EVENT_ID.POP });
}
function addEmptyScalarEvent(state) {
	addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, SCALAR_STYLE.PLAIN);
}
function emptyProperties() {
	return {
		anchorStart: NO_RANGE$1,
		anchorEnd: NO_RANGE$1,
		tagStart: NO_RANGE$1,
		tagEnd: NO_RANGE$1
	};
}
function snapshotState(state) {
	return {
		position: state.position,
		line: state.line,
		lineStart: state.lineStart,
		lineIndent: state.lineIndent,
		firstTabInLine: state.firstTabInLine,
		eventsLength: state.events.length
	};
}
function restoreState(state, snapshot) {
	state.position = snapshot.position;
	state.line = snapshot.line;
	state.lineStart = snapshot.lineStart;
	state.lineIndent = snapshot.lineIndent;
	state.firstTabInLine = snapshot.firstTabInLine;
	state.events.length = snapshot.eventsLength;
}
function throwError(state, message) {
	YAMLException.throwAt(state.input.slice(0, state.length), state.position, message, state.filename);
}
function isEol(c) {
	return c === 10 || c === 13;
}
function isWhiteSpace(c) {
	return c === 9 || c === 32;
}
function isWsOrEol(c) {
	return isWhiteSpace(c) || isEol(c);
}
function isWsOrEolOrEnd(c) {
	return c === 0 || isWsOrEol(c);
}
function isFlowIndicator(c) {
	return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}
function fromDecimalCode(c) {
	return c >= 48 && c <= 57 ? c - 48 : -1;
}
function fromHexCode(c) {
	if (c >= 48 && c <= 57) return c - 48;
	const lc = c | 32;
	if (lc >= 97 && lc <= 102) return lc - 97 + 10;
	return -1;
}
function escapedHexLen(c) {
	if (c === 120) return 2;
	if (c === 117) return 4;
	if (c === 85) return 8;
	return 0;
}
function isSimpleEscape(c) {
	return c === 48 || c === 97 || c === 98 || c === 116 || c === 9 || c === 110 || c === 118 || c === 102 || c === 114 || c === 101 || c === 32 || c === 34 || c === 47 || c === 92 || c === 78 || c === 95 || c === 76 || c === 80;
}
function consumeLineBreak(state) {
	if (state.input.charCodeAt(state.position) === 10) state.position++;
	else {
		state.position++;
		if (state.input.charCodeAt(state.position) === 10) state.position++;
	}
	state.line++;
	state.lineStart = state.position;
	state.lineIndent = 0;
	state.firstTabInLine = -1;
}
function skipSeparationSpace(state, allowComments) {
	let lineBreaks = 0;
	let ch = state.input.charCodeAt(state.position);
	let hasSeparation = state.position === state.lineStart || isWsOrEol(state.input.charCodeAt(state.position - 1));
	while (ch !== 0) {
		while (isWhiteSpace(ch)) {
			hasSeparation = true;
			if (ch === 9 && state.firstTabInLine === -1) state.firstTabInLine = state.position;
			ch = state.input.charCodeAt(++state.position);
		}
		if (allowComments && hasSeparation && ch === 35) do
			ch = state.input.charCodeAt(++state.position);
		while (!isEol(ch) && ch !== 0);
		if (!isEol(ch)) break;
		consumeLineBreak(state);
		lineBreaks++;
		hasSeparation = true;
		ch = state.input.charCodeAt(state.position);
		while (ch === 32) {
			state.lineIndent++;
			ch = state.input.charCodeAt(++state.position);
		}
	}
	return lineBreaks;
}
function testDocumentSeparator(state, position = state.position) {
	const ch = state.input.charCodeAt(position);
	if ((ch === 45 || ch === 46) && ch === state.input.charCodeAt(position + 1) && ch === state.input.charCodeAt(position + 2)) {
		const following = state.input.charCodeAt(position + 3);
		return following === 0 || isWsOrEol(following);
	}
	return false;
}
function skipByteOrderMark(state) {
	if (state.position === state.lineStart && state.input.charCodeAt(state.position) === 65279) {
		state.position++;
		state.lineStart = state.position;
	}
}
function testDocumentBoundary(state) {
	if (state.position !== state.lineStart) return false;
	if (testDocumentSeparator(state)) return true;
	if (state.input.charCodeAt(state.position) !== 65279) return false;
	const snapshot = snapshotState(state);
	skipByteOrderMark(state);
	skipSeparationSpace(state, true);
	const ch = state.input.charCodeAt(state.position);
	const result = state.position === state.lineStart && (ch === 37 || ch === 45 && testDocumentSeparator(state));
	restoreState(state, snapshot);
	return result;
}
function skipUntilLineEnd(state) {
	let ch = state.input.charCodeAt(state.position);
	while (ch !== 0 && !isEol(ch)) ch = state.input.charCodeAt(++state.position);
}
function checkPrintable(state, start, end) {
	const match = PATTERN_NON_PRINTABLE.exec(state.input.slice(start, end));
	if (match !== null) {
		state.position = start + match.index + match[0].length - 1;
		throwError(state, "the stream contains non-printable characters");
	}
}
function readTagProperty(state, props, inFlow) {
	if (state.input.charCodeAt(state.position) !== 33) return false;
	if (props.tagStart !== NO_RANGE$1) throwError(state, "duplication of a tag property");
	const start = state.position;
	let isVerbatim = false;
	let isNamed = false;
	let tagHandle = "!";
	let ch = state.input.charCodeAt(++state.position);
	if (ch === 60) {
		isVerbatim = true;
		ch = state.input.charCodeAt(++state.position);
	} else if (ch === 33) {
		isNamed = true;
		tagHandle = "!!";
		ch = state.input.charCodeAt(++state.position);
	}
	let suffixStart = state.position;
	let tagName;
	if (isVerbatim) {
		while (ch !== 0 && ch !== 62) ch = state.input.charCodeAt(++state.position);
		if (ch !== 62) throwError(state, "unexpected end of the stream within a verbatim tag");
		tagName = state.input.slice(suffixStart, state.position);
		state.position++;
	} else {
		while (ch !== 0 && !isWsOrEol(ch) && !(inFlow && isFlowIndicator(ch))) {
			if (ch === 33) {
				if (!isNamed) {
					tagHandle = state.input.slice(suffixStart - 1, state.position + 1);
					if (!PATTERN_TAG_HANDLE.test(tagHandle)) throwError(state, "named tag handle cannot contain such characters");
					isNamed = true;
					suffixStart = state.position + 1;
				} else throwError(state, "tag suffix cannot contain exclamation marks");
			}
			ch = state.input.charCodeAt(++state.position);
		}
		tagName = state.input.slice(suffixStart, state.position);
		if (PATTERN_FLOW_INDICATORS.test(tagName)) throwError(state, "tag suffix cannot contain flow indicator characters");
	}
	if (tagName && !(isVerbatim ? PATTERN_TAG_URI.test(tagName) : PATTERN_TAG_SUFFIX.test(tagName))) throwError(state, `tag name cannot contain such characters: ${tagName}`);
	if (!isVerbatim && tagHandle !== "!" && tagHandle !== "!!" && !HAS_OWN.call(state.tagHandlers, tagHandle)) throwError(state, `undeclared tag handle "${tagHandle}"`);
	props.tagStart = start;
	props.tagEnd = state.position;
	return true;
}
function readAnchorProperty(state, props) {
	if (state.input.charCodeAt(state.position) !== 38) return false;
	if (props.anchorStart !== NO_RANGE$1) throwError(state, "duplication of an anchor property");
	state.position++;
	const start = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
	if (state.position === start) throwError(state, "name of an anchor node must contain at least one character");
	props.anchorStart = start;
	props.anchorEnd = state.position;
	return true;
}
function readAlias(state, props) {
	if (state.input.charCodeAt(state.position) !== 42) return false;
	if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) throwError(state, "alias node should not have any properties");
	state.position++;
	const start = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
	if (state.position === start) throwError(state, "name of an alias node must contain at least one character");
	addAliasEvent(state, start, state.position);
	return true;
}
function readFlowScalarBreak(state, nodeIndent) {
	skipSeparationSpace(state, false);
	if (state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readSingleQuotedScalar(state, nodeIndent, props) {
	if (state.input.charCodeAt(state.position) !== 39) return false;
	state.position++;
	const start = state.position;
	let simple = true;
	while (state.input.charCodeAt(state.position) !== 0) {
		const ch = state.input.charCodeAt(state.position);
		if (ch === 39) {
			if (state.input.charCodeAt(state.position + 1) === 39) {
				simple = false;
				state.position += 2;
				continue;
			}
			const end = state.position;
			state.position++;
			addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.SINGLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
			return true;
		}
		if (isEol(ch)) {
			simple = false;
			readFlowScalarBreak(state, nodeIndent);
		} else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a single quoted scalar");
		else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
		else state.position++;
	}
	throwError(state, "unexpected end of the stream within a single quoted scalar");
}
function readDoubleQuotedScalar(state, nodeIndent, props) {
	if (state.input.charCodeAt(state.position) !== 34) return false;
	state.position++;
	const start = state.position;
	let simple = true;
	while (state.input.charCodeAt(state.position) !== 0) {
		const ch = state.input.charCodeAt(state.position);
		if (ch === 34) {
			const end = state.position;
			state.position++;
			addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.DOUBLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
			return true;
		}
		if (ch === 92) {
			simple = false;
			const escaped = state.input.charCodeAt(++state.position);
			if (isEol(escaped)) readFlowScalarBreak(state, nodeIndent);
			else if (isSimpleEscape(escaped)) state.position++;
			else {
				let hexLength = escapedHexLen(escaped);
				if (hexLength === 0) throwError(state, "unknown escape sequence");
				while (hexLength-- > 0) {
					state.position++;
					if (fromHexCode(state.input.charCodeAt(state.position)) < 0) throwError(state, "expected hexadecimal character");
				}
				state.position++;
			}
		} else if (isEol(ch)) {
			simple = false;
			readFlowScalarBreak(state, nodeIndent);
		} else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a double quoted scalar");
		else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
		else state.position++;
	}
	throwError(state, "unexpected end of the stream within a double quoted scalar");
}
function readBlockScalar(state, parentIndent, props) {
	const ch = state.input.charCodeAt(state.position);
	let chomping = CHOMPING_MODE.CLIP;
	let indent = -1;
	let detectedIndent = false;
	if (ch !== 124 && ch !== 62) return false;
	const style = ch === 124 ? SCALAR_STYLE.LITERAL_BLOCK : SCALAR_STYLE.FOLDED_BLOCK;
	state.position++;
	while (state.input.charCodeAt(state.position) !== 0) {
		const current = state.input.charCodeAt(state.position);
		const digit = fromDecimalCode(current);
		if (current === 43 || current === 45) {
			if (chomping !== CHOMPING_MODE.CLIP) throwError(state, "repeat of a chomping mode identifier");
			chomping = current === 43 ? CHOMPING_MODE.KEEP : CHOMPING_MODE.STRIP;
			state.position++;
		} else if (digit >= 0) {
			if (digit === 0) throwError(state, "bad explicit indentation width of a block scalar; it cannot be less than one");
			if (detectedIndent) throwError(state, "repeat of an indentation width identifier");
			indent = parentIndent + digit - 1;
			detectedIndent = true;
			state.position++;
		} else break;
	}
	let hadWhitespace = false;
	while (isWhiteSpace(state.input.charCodeAt(state.position))) {
		hadWhitespace = true;
		state.position++;
	}
	if (hadWhitespace && state.input.charCodeAt(state.position) === 35) skipUntilLineEnd(state);
	if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
	else if (state.input.charCodeAt(state.position) !== 0) throwError(state, "a line break is expected");
	let contentIndent = detectedIndent ? indent : -1;
	let maxLeadingIndent = 0;
	const valueStart = state.position;
	let valueEnd = state.position;
	while (state.input.charCodeAt(state.position) !== 0) {
		const linePosition = state.position;
		let column = 0;
		while (state.input.charCodeAt(linePosition + column) === 32) column++;
		const first = state.input.charCodeAt(linePosition + column);
		if (first === 0) {
			if (contentIndent >= 0) {
				if (column > contentIndent) valueEnd = linePosition + column;
			} else if (column > 0) valueEnd = linePosition + column;
			break;
		}
		if (testDocumentBoundary(state)) break;
		if (!detectedIndent && contentIndent === -1 && isEol(first)) maxLeadingIndent = Math.max(maxLeadingIndent, column);
		if (!detectedIndent && contentIndent === -1 && !isEol(first)) {
			if (first === 9 && column < parentIndent) {
				state.position = linePosition + column;
				throwError(state, "tab characters must not be used in indentation");
			}
			if (column >= parentIndent && column < maxLeadingIndent) {
				state.position = linePosition + column;
				throwError(state, "bad indentation of a mapping entry");
			}
		}
		if (contentIndent === -1 && first !== 0 && !isEol(first) && column < parentIndent) {
			state.lineIndent = column;
			state.position = linePosition + column;
			break;
		}
		if (!detectedIndent && first !== 0 && !isEol(first) && contentIndent === -1) contentIndent = column;
		const requiredIndent = contentIndent === -1 ? parentIndent + 1 : contentIndent;
		if (first !== 0 && !isEol(first) && column < requiredIndent) {
			state.lineIndent = column;
			state.position = linePosition + column;
			break;
		}
		skipUntilLineEnd(state);
		valueEnd = state.position;
		if (isEol(state.input.charCodeAt(state.position))) {
			consumeLineBreak(state);
			valueEnd = state.position;
		}
	}
	checkPrintable(state, valueStart, valueEnd);
	addScalarEvent(state, valueStart, valueEnd, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, style, chomping, contentIndent);
	return true;
}
function canStartPlainScalar(state, nodeContext) {
	const ch = state.input.charCodeAt(state.position);
	const inFlow = nodeContext === CONTEXT_FLOW_IN;
	if (ch === 0 || isWsOrEol(ch) || ch === 35 || ch === 38 || ch === 42 || ch === 33 || ch === 124 || ch === 62 || ch === 39 || ch === 34 || ch === 37 || ch === 64 || ch === 96 || isFlowIndicator(ch)) return false;
	if (ch === 63 || ch === 45) {
		const following = state.input.charCodeAt(state.position + 1);
		if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) return false;
	}
	return true;
}
function readPlainScalar(state, nodeIndent, nodeContext, props) {
	if (!canStartPlainScalar(state, nodeContext)) return false;
	const start = state.position;
	let end = state.position;
	let ch = state.input.charCodeAt(state.position);
	const inFlow = nodeContext === CONTEXT_FLOW_IN;
	let multiline = false;
	while (ch !== 0) {
		if (testDocumentBoundary(state)) break;
		if (ch === 58) {
			const following = state.input.charCodeAt(state.position + 1);
			if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) break;
		} else if (ch === 35) {
			if (isWsOrEol(state.input.charCodeAt(state.position - 1))) break;
		} else if (inFlow && isFlowIndicator(ch)) break;
		else if (isEol(ch)) {
			const savedPosition = state.position;
			const savedLine = state.line;
			const savedLineStart = state.lineStart;
			const savedLineIndent = state.lineIndent;
			skipSeparationSpace(state, false);
			if (state.lineIndent >= nodeIndent) {
				multiline = true;
				ch = state.input.charCodeAt(state.position);
				continue;
			}
			state.position = savedPosition;
			state.line = savedLine;
			state.lineStart = savedLineStart;
			state.lineIndent = savedLineIndent;
			break;
		}
		if (!isWhiteSpace(ch)) end = state.position + 1;
		ch = state.input.charCodeAt(++state.position);
	}
	if (end === start) return false;
	checkPrintable(state, start, end);
	addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN, CHOMPING_MODE.CLIP, -1, !multiline);
	return true;
}
function skipFlowSeparationSpace(state, nodeIndent) {
	const startLine = state.line;
	skipSeparationSpace(state, true);
	if (state.line > startLine && state.lineIndent < nodeIndent || state.firstTabInLine !== -1 && state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readFlowCollection(state, nodeIndent, props) {
	const ch = state.input.charCodeAt(state.position);
	const isMapping = ch === 123;
	const start = state.position;
	let readNext = true;
	if (ch !== 91 && ch !== 123) return false;
	const terminator = isMapping ? 125 : 93;
	if (isMapping) addMappingEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
	else addSequenceEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
	state.position++;
	while (state.input.charCodeAt(state.position) !== 0) {
		skipFlowSeparationSpace(state, nodeIndent);
		let ch = state.input.charCodeAt(state.position);
		if (ch === terminator) {
			state.position++;
			addPopEvent(state);
			return true;
		} else if (!readNext) throwError(state, "missed comma between flow collection entries");
		else if (ch === 44) throwError(state, "expected the node content, but found ','");
		let isPair = false;
		let isExplicitPair = false;
		if (ch === 63 && isWsOrEol(state.input.charCodeAt(state.position + 1))) {
			isPair = isExplicitPair = true;
			state.position += 1;
			skipFlowSeparationSpace(state, nodeIndent);
		}
		const entryLine = state.line;
		const entryStart = snapshotState(state);
		const keyWasRead = parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
		skipFlowSeparationSpace(state, nodeIndent);
		ch = state.input.charCodeAt(state.position);
		if ((isMapping || isExplicitPair || state.line === entryLine) && ch === 58) {
			isPair = true;
			state.position++;
			skipFlowSeparationSpace(state, nodeIndent);
			if (!isMapping) {
				insertFlowPairMappingEvent(state, entryStart);
				if (!keyWasRead) addEmptyScalarEvent(state);
			} else if (!keyWasRead) addEmptyScalarEvent(state);
			if (!parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true)) addEmptyScalarEvent(state);
			skipFlowSeparationSpace(state, nodeIndent);
			if (!isMapping) addPopEvent(state);
		} else if (isMapping && isPair) {
			if (!keyWasRead) addEmptyScalarEvent(state);
			addEmptyScalarEvent(state);
		} else if (isMapping) addEmptyScalarEvent(state);
		else if (isPair) {
			insertFlowPairMappingEvent(state, entryStart);
			if (!keyWasRead) addEmptyScalarEvent(state);
			addEmptyScalarEvent(state);
			addPopEvent(state);
		}
		ch = state.input.charCodeAt(state.position);
		if (ch === 44) {
			readNext = true;
			state.position++;
		} else readNext = false;
	}
	throwError(state, "unexpected end of the stream within a flow collection");
}
function readBlockSequence(state, nodeIndent, props) {
	if (state.firstTabInLine !== -1 || state.input.charCodeAt(state.position) !== 45 || !isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) return false;
	addSequenceEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
	while (state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) {
		if (state.firstTabInLine !== -1) {
			state.position = state.firstTabInLine;
			throwError(state, "tab characters must not be used in indentation");
		}
		const entryLine = state.line;
		state.position++;
		const hadBreak = skipSeparationSpace(state, true) > 0;
		if (state.firstTabInLine !== -1 && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
		if (hadBreak && state.lineIndent <= nodeIndent) addEmptyScalarEvent(state);
		else parseNode(state, nodeIndent, CONTEXT_BLOCK_IN, false, true);
		skipSeparationSpace(state, true);
		if (state.lineIndent < nodeIndent || state.position >= state.length) break;
		if (state.lineIndent > nodeIndent) throwError(state, "bad indentation of a sequence entry");
		if (state.line === entryLine && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
	}
	addPopEvent(state);
	return true;
}
function readBlockMapping(state, nodeIndent, flowIndent, props) {
	let atExplicitKey = false;
	let detected = false;
	let mappingOpened = false;
	let pendingExplicitKey = false;
	if (state.firstTabInLine !== -1) return false;
	let ch = state.input.charCodeAt(state.position);
	while (ch !== 0) {
		if (!atExplicitKey && state.firstTabInLine !== -1) {
			state.position = state.firstTabInLine;
			throwError(state, "tab characters must not be used in indentation");
		}
		const following = state.input.charCodeAt(state.position + 1);
		const entryLine = state.line;
		if ((ch === 63 || ch === 58) && isWsOrEolOrEnd(following)) {
			if (!mappingOpened) {
				addMappingEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
				mappingOpened = true;
			}
			if (ch === 63) {
				if (atExplicitKey) addEmptyScalarEvent(state);
				detected = true;
				atExplicitKey = true;
			} else if (atExplicitKey) atExplicitKey = false;
			else {
				addEmptyScalarEvent(state);
				detected = true;
				atExplicitKey = false;
			}
			state.position += 1;
			pendingExplicitKey = true;
		} else {
			if (atExplicitKey) {
				addEmptyScalarEvent(state);
				atExplicitKey = false;
			}
			const beforeKey = snapshotState(state);
			if (!parseNode(state, flowIndent, CONTEXT_FLOW_OUT, false, true)) break;
			if (state.line === entryLine) {
				ch = state.input.charCodeAt(state.position);
				while (isWhiteSpace(ch)) ch = state.input.charCodeAt(++state.position);
				if (ch === 58) {
					ch = state.input.charCodeAt(++state.position);
					if (!isWsOrEolOrEnd(ch)) throwError(state, "a whitespace character is expected after the key-value separator within a block mapping");
					if (!mappingOpened) {
						state.events.splice(beforeKey.eventsLength, 0, {
							type: EVENT_ID.MAPPING,
							start: beforeKey.position,
							anchorStart: props.anchorStart,
							anchorEnd: props.anchorEnd,
							tagStart: props.tagStart,
							tagEnd: props.tagEnd,
							style: COLLECTION_STYLE.BLOCK
						});
						mappingOpened = true;
					}
					detected = true;
					atExplicitKey = false;
					pendingExplicitKey = false;
				} else if (detected) throwError(state, "expected ':' after a mapping key");
				else {
					if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
						restoreState(state, beforeKey);
						return false;
					}
					return true;
				}
			} else if (detected) throwError(state, "can not read a block mapping entry; a multiline key may not be an implicit key");
			else {
				if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
					restoreState(state, beforeKey);
					return false;
				}
				return true;
			}
		}
		if (parseNode(state, nodeIndent, CONTEXT_BLOCK_OUT, true, pendingExplicitKey)) pendingExplicitKey = false;
		if (!atExplicitKey) {
			if (pendingExplicitKey) {
				addEmptyScalarEvent(state);
				pendingExplicitKey = false;
			}
		}
		skipSeparationSpace(state, true);
		ch = state.input.charCodeAt(state.position);
		if ((state.line === entryLine || state.lineIndent > nodeIndent) && ch !== 0) throwError(state, "bad indentation of a mapping entry");
		else if (state.lineIndent < nodeIndent) break;
	}
	if (!detected) return false;
	if (atExplicitKey) addEmptyScalarEvent(state);
	if (mappingOpened) addPopEvent(state);
	return true;
}
function parseNode(state, parentIndent, nodeContext, allowToSeek, allowCompact, allowPropertyMapping = true) {
	if (state.depth >= state.maxDepth) throwError(state, `nesting exceeded maxDepth (${state.maxDepth})`);
	state.depth++;
	let indentStatus = 1;
	let atNewLine = false;
	let hasContent = false;
	let propertyStart = null;
	const props = emptyProperties();
	let allowBlockScalars = nodeContext === CONTEXT_BLOCK_OUT || nodeContext === CONTEXT_BLOCK_IN;
	let allowBlockCollections = allowBlockScalars;
	const allowBlockStyles = allowBlockScalars;
	if (allowToSeek && skipSeparationSpace(state, true)) {
		atNewLine = true;
		if (state.lineIndent > parentIndent) indentStatus = 1;
		else if (state.lineIndent === parentIndent) indentStatus = 0;
		else indentStatus = -1;
	}
	if (indentStatus === 1) while (true) {
		const ch = state.input.charCodeAt(state.position);
		const propertyState = snapshotState(state);
		if (atNewLine && indentStatus !== 1 && (ch === 33 || ch === 38)) break;
		if (atNewLine && allowBlockStyles && (props.tagStart !== NO_RANGE$1 || props.anchorStart !== NO_RANGE$1) && (ch === 33 || ch === 38)) {
			const fallbackState = snapshotState(state);
			const flowIndent = parentIndent + 1;
			if (readBlockMapping(state, state.position - state.lineStart, flowIndent, props) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) {
				state.depth--;
				return true;
			}
			restoreState(state, fallbackState);
		}
		if (atNewLine && (ch === 33 && props.tagStart !== NO_RANGE$1 || ch === 38 && props.anchorStart !== NO_RANGE$1)) break;
		if (!readTagProperty(state, props, nodeContext === CONTEXT_FLOW_IN) && !readAnchorProperty(state, props)) break;
		if (propertyStart === null) propertyStart = propertyState;
		if (skipSeparationSpace(state, true)) {
			atNewLine = true;
			allowBlockCollections = allowBlockStyles;
			if (state.lineIndent > parentIndent) indentStatus = 1;
			else if (state.lineIndent === parentIndent) indentStatus = 0;
			else indentStatus = -1;
		} else allowBlockCollections = false;
	}
	if (allowBlockCollections) allowBlockCollections = atNewLine || allowCompact;
	if (indentStatus === 1 || nodeContext === CONTEXT_BLOCK_OUT) {
		const flowIndent = nodeContext === CONTEXT_FLOW_IN || nodeContext === CONTEXT_FLOW_OUT ? parentIndent : parentIndent + 1;
		const blockIndent = state.position - state.lineStart;
		if (indentStatus === 1) {
			if (allowBlockCollections && (readBlockSequence(state, blockIndent, props) || readBlockMapping(state, blockIndent, flowIndent, props)) || readFlowCollection(state, flowIndent, props)) hasContent = true;
			else {
				const ch = state.input.charCodeAt(state.position);
				if (propertyStart !== null && allowPropertyMapping && allowBlockStyles && !allowBlockCollections && ch !== 124 && ch !== 62) {
					const fallbackState = snapshotState(state);
					const propertyIndent = propertyStart.position - propertyStart.lineStart;
					restoreState(state, propertyStart);
					if (readBlockMapping(state, propertyIndent, flowIndent, emptyProperties()) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) hasContent = true;
					else restoreState(state, fallbackState);
				}
				if (!hasContent && (allowBlockScalars && readBlockScalar(state, flowIndent, props) || readSingleQuotedScalar(state, flowIndent, props) || readDoubleQuotedScalar(state, flowIndent, props) || readAlias(state, props) || readPlainScalar(state, flowIndent, nodeContext, props))) hasContent = true;
			}
		} else if (indentStatus === 0) hasContent = allowBlockCollections && readBlockSequence(state, blockIndent, props);
	}
	allowBlockScalars = allowBlockScalars && !hasContent;
	if (!hasContent && (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1 || allowBlockScalars)) {
		addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN);
		hasContent = true;
	}
	state.depth--;
	return hasContent || props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1;
}
function readDirective(state) {
	if (state.lineIndent > 0 || state.input.charCodeAt(state.position) !== 37) return false;
	state.position++;
	const nameStart = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
	const name = state.input.slice(nameStart, state.position);
	const args = [];
	if (name.length === 0) throwError(state, "directive name must not be less than one character in length");
	while (state.input.charCodeAt(state.position) !== 0 && !isEol(state.input.charCodeAt(state.position))) {
		while (isWhiteSpace(state.input.charCodeAt(state.position))) state.position++;
		if (state.input.charCodeAt(state.position) === 35 || isEol(state.input.charCodeAt(state.position)) || state.input.charCodeAt(state.position) === 0) break;
		const start = state.position;
		while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
		args.push(state.input.slice(start, state.position));
	}
	if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
	if (name === "YAML") {
		if (state.directives.some((directive) => directive.kind === "yaml")) throwError(state, "duplication of %YAML directive");
		if (args.length !== 1) throwError(state, "YAML directive accepts exactly one argument");
		const match = /^([0-9]+)\.([0-9]+)$/.exec(args[0]);
		if (match === null) throwError(state, "ill-formed argument of the YAML directive");
		if (parseInt(match[1], 10) !== 1) throwError(state, "unacceptable YAML version of the document");
		state.directives.push({
			kind: "yaml",
			version: args[0]
		});
	} else if (name === "TAG") {
		if (args.length !== 2) throwError(state, "TAG directive accepts exactly two arguments");
		const [handle, prefix] = args;
		if (!PATTERN_TAG_HANDLE.test(handle)) throwError(state, "ill-formed tag handle (first argument) of the TAG directive");
		if (HAS_OWN.call(state.tagHandlers, handle)) throwError(state, `there is a previously declared suffix for "${handle}" tag handle`);
		if (!PATTERN_TAG_PREFIX.test(prefix)) throwError(state, "ill-formed tag prefix (second argument) of the TAG directive");
		state.tagHandlers[handle] = prefix;
		state.directives.push({
			kind: "tag",
			handle,
			prefix
		});
	}
	return true;
}
function readDocument(state) {
	state.directives = [];
	state.tagHandlers = Object.create(null);
	let hasDirectives = false;
	skipSeparationSpace(state, true);
	while (readDirective(state)) {
		hasDirectives = true;
		skipSeparationSpace(state, true);
	}
	let explicitStart = false;
	let explicitEnd = false;
	let allowCompact = true;
	if (state.lineIndent === 0 && state.input.charCodeAt(state.position) === 45 && state.input.charCodeAt(state.position + 1) === 45 && state.input.charCodeAt(state.position + 2) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 3))) {
		explicitStart = true;
		const markerLine = state.line;
		state.position += 3;
		skipSeparationSpace(state, true);
		allowCompact = state.line > markerLine;
	} else if (hasDirectives) throwError(state, "directives end mark is expected");
	const documentEventIndex = state.events.length;
	if (!explicitStart && state.position === state.lineStart && state.input.charCodeAt(state.position) === 46 && testDocumentSeparator(state)) {
		state.position += 3;
		skipSeparationSpace(state, true);
		return;
	}
	addDocumentEvent(state, explicitStart, false);
	if (!parseNode(state, state.lineIndent - 1, CONTEXT_BLOCK_OUT, false, allowCompact, allowCompact)) addEmptyScalarEvent(state);
	skipSeparationSpace(state, true);
	if (state.position === state.lineStart && testDocumentSeparator(state)) {
		explicitEnd = state.input.charCodeAt(state.position) === 46;
		if (explicitEnd) {
			const markerLine = state.line;
			state.position += 3;
			skipSeparationSpace(state, true);
			if (state.line === markerLine && state.position < state.length) throwError(state, "end of the stream or a document separator is expected");
		}
	}
	const documentEvent = state.events[documentEventIndex];
	if (documentEvent?.type === EVENT_ID.DOCUMENT) documentEvent.explicitEnd = explicitEnd;
	addPopEvent(state);
	if (!explicitEnd && state.position < state.length && !testDocumentBoundary(state)) throwError(state, "end of the stream or a document separator is expected");
}
/**
* Parses YAML into a flat event stream referencing source text by offsets.
*
* @category Events
*/
function parseEvents(input, options) {
	const length = input.length;
	// serviceentry-guard: the state is a literal, not a spread of the options. On Node 20 (V8 11.3) the spread
	// state made every parse about three times slower (patches/README.md).
	const { filename, maxDepth } = {
		...DEFAULT_PARSER_OPTIONS,
		...options
	};
	const state = {
		filename,
		maxDepth,
		input: `${input}\0`,
		length,
		position: 0,
		line: 0,
		lineStart: 0,
		lineIndent: 0,
		firstTabInLine: -1,
		depth: 0,
		directives: [],
		tagHandlers: Object.create(null),
		events: []
	};
	const nullpos = input.indexOf("\0");
	if (nullpos !== -1) YAMLException.throwAt(input, nullpos, "null byte is not allowed in input", state.filename);
	while (state.position < state.length) {
		skipByteOrderMark(state);
		skipSeparationSpace(state, true);
		if (state.position >= state.length) break;
		const documentStart = state.position;
		readDocument(state);
		if (state.position === documentStart)
 /* c8 ignore next */
		throwError(state, "can not read a document");
	}
	return state.events;
}
//#endregion
//#region src/ast/styler_defaults.ts
function hasBit(mask, bit) {
	return (mask & 1 << bit) !== 0;
}
/**
* Default scalar styling rules in application order.
* See [Scalar styling](../../docs/scalar_styling.md) for usage details.
*
* @category AST
*/
var DEFAULT_SCALAR_STYLE_RULES = {
	applyQuoteFlowKeysOption,
	doubleQuoteForInvisibles,
	doubleQuoteWhitespaceOnly,
	applyForceQuotesOption,
	tryLongOrMultilineAsBlock,
	quoteInvalidPlain,
	fallbackToDoubleQuoted
};
function _preferredQuotedStyle(layout) {
	if (layout.presenterOptions.quoteStyle === "single" && hasBit(layout.allowedStylesMask, SCALAR_STYLE.SINGLE_QUOTED)) return SCALAR_STYLE.SINGLE_QUOTED;
	return SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyQuoteFlowKeysOption(layout) {
	if (!layout.presenterOptions.quoteFlowKeys) return;
	if (!layout.isKey || !layout.flowOnly || layout.style !== SCALAR_STYLE.PLAIN) return;
	layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteForInvisibles(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && /[\t\x7F-\xA0\u2028\u2029\uFEFF\uFFFE\uFFFF]/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteWhitespaceOnly(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && /^\s+$/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyForceQuotesOption(layout) {
	if (!layout.presenterOptions.forceQuotes) return;
	if (layout.isKey || layout.style !== SCALAR_STYLE.PLAIN) return;
	if (layout.node.tag !== layout.presenterOptions.schema.defaultScalarTag.tagName) return;
	layout.style = layout.node.value.includes("\n") ? SCALAR_STYLE.DOUBLE_QUOTED : _preferredQuotedStyle(layout);
}
function tryLongOrMultilineAsBlock(layout) {
	if (layout.style !== SCALAR_STYLE.PLAIN || layout.isKey) return;
	const value = layout.node.value;
	const multiline = value.indexOf("\n") !== -1;
	if (!hasBit(layout.allowedStylesMask, SCALAR_STYLE.LITERAL_BLOCK)) {
		if (multiline) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
		return;
	}
	const w = layout.presenterOptions.lineWidth;
	if (w === -1) {
		if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
		return;
	}
	const availableWidth = Math.max(Math.min(w, 40), w - layout.shiftOfContent);
	let position = 0;
	let shouldFold = false;
	while (position <= value.length) {
		let lineEnd = value.length;
		const nextLineBreak = value.indexOf("\n", position);
		if (nextLineBreak !== -1) lineEnd = nextLineBreak;
		const line = value.slice(position, lineEnd);
		if (line.length > availableWidth && line[0] !== " " && / [^ \t]/.test(line)) shouldFold = true;
		if (nextLineBreak === -1) break;
		position = nextLineBreak + 1;
	}
	if (shouldFold) layout.style = SCALAR_STYLE.FOLDED_BLOCK;
	else if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
}
function quoteInvalidPlain(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && !hasBit(layout.allowedStylesMask, SCALAR_STYLE.PLAIN)) layout.style = _preferredQuotedStyle(layout);
}
function fallbackToDoubleQuoted(layout) {
	if (!hasBit(layout.allowedStylesMask, layout.style)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
({
	scalarStyleRules: Object.keys(DEFAULT_SCALAR_STYLE_RULES).map((name) => Reflect.get(DEFAULT_SCALAR_STYLE_RULES, name))});

/**
 * kubectl reads manifests with go-yaml (through sigs.k8s.io/yaml), which
 * resolves `<<` merge keys before the API server sees the object; so do we.
 * js-yaml caps the keys merges may copy, so a merge bomb stays cheap.
 */
const KUBECTL_SCHEMA = CORE_SCHEMA.withTags(mergeTag);
/** Deeper nesting than any manifest needs is refused, so hostile input cannot exhaust the stack. */
const MAX_DEPTH = 64;
const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm;
/**
 * Parses a YAML stream with js-yaml's event parser: its values, plus the
 * offset of every node. A syntax error costs only the document it is in: the
 * stream is then re-read document by document, split at the `---` and `...`
 * markers, which end any node in YAML whatever its indentation.
 */
function parseYamlDocuments(text, options = {}) {
    const stream = { documents: [], positions: new PositionIndex(), problems: [] };
    const reading = { stream, positionsFor: options.positionsFor ?? everyDocument, maxDepth: MAX_DEPTH - (options.depthAbove ?? 0) };
    const base = options.base ?? 0;
    try {
        readLikeKubectl(text, base, reading);
        return stream;
    }
    catch (error) {
        if (!(error instanceof YAMLException))
            throw error;
    }
    stream.documents = [];
    for (const [start, end] of documentChunks(text)) {
        try {
            readLikeKubectl(text.slice(start, end), base + start, reading);
        }
        catch (error) {
            if (!(error instanceof YAMLException))
                throw error;
            // The depth limit is named as the whole document is held to it, not as this part is.
            const message = error.reason.replace(`maxDepth (${reading.maxDepth})`, `maxDepth (${MAX_DEPTH})`);
            stream.problems.push({ message, offset: base + start + (error.mark?.position ?? 0), documentStart: base + start, documentEnd: base + end });
        }
    }
    return stream;
}
/**
 * go-yaml, which kubectl uses, accepts a flow collection whose later lines
 * (often the closing bracket) are indented no deeper than its key; js-yaml
 * calls that deficient indentation. Only then is the text read again with
 * those lines indented one column past the key, positions mapped back to the
 * original, and the original error kept if that does not help.
 */
function readLikeKubectl(text, base, reading) {
    try {
        readChunk(text, base, reading);
    }
    catch (error) {
        if (!(error instanceof YAMLException) || !/deficient indentation/.test(error.reason))
            throw error;
        const relaxed = relaxFlowIndentation(text);
        if (!relaxed)
            throw error;
        const before = reading.stream.documents.length;
        try {
            readChunk(relaxed.text, base, reading, relaxed.toOriginal);
        }
        catch {
            reading.stream.documents.length = before;
            throw error;
        }
    }
}
function readChunk(text, base, { stream, positionsFor, maxDepth }, toOriginal = (o) => o) {
    const events = parseEvents(text, { maxDepth });
    const values = constructFromEvents(events, { source: text, json: true, schema: KUBECTL_SCHEMA });
    const walker = new EventWalker(text, base, events, stream.positions, toOriginal);
    // An alias makes one value stand at two places, and a repeated key gives an earlier place the value built at a later
    // one; an outline may skip one of those places where the full walk records both, and so end on another. Without an
    // anchor (`&`) there is no alias, and a repeated key's places share their path, so the outline takes both or neither.
    const anchored = text.includes('&');
    for (const value of values) {
        const positions = positionsFor(value);
        const offset = walker.document(value, anchored && positions !== false ? true : positions);
        stream.documents.push({ value, offset });
    }
}
const everyDocument = () => true;
function documentChunks(text) {
    const starts = [0];
    for (const match of text.matchAll(DOCUMENT_MARKER))
        if (match.index > 0)
            starts.push(match.index);
    return starts.map((start, i) => [start, starts[i + 1] ?? text.length]);
}
/**
 * Walks the event stream beside the values built from it, in the same
 * order, recording where each mapping, sequence and scalar started.
 */
class EventWalker {
    text;
    base;
    events;
    positions;
    toOriginal;
    i = 0;
    constructor(text, base, events, positions, toOriginal) {
        this.text = text;
        this.base = base;
        this.events = events;
        this.positions = positions;
        this.toOriginal = toOriginal;
    }
    /** Steps over the next document, recording where its nodes start as `positions` says; returns where it starts. */
    document(value, positions) {
        while (this.i < this.events.length && this.events[this.i].type !== EVENT_ID.DOCUMENT)
            this.i++;
        this.i++; // DOCUMENT
        const first = this.events[this.i];
        const offset = first ? this.startOf(first) : this.base;
        if (first && first.type !== EVENT_ID.POP) {
            if (positions === true)
                this.node(value, undefined, undefined);
            else if (positions === false)
                this.skip();
            else {
                // The rest of the document, walked in full only if a question needs it (the events live as long as the index).
                const root = this.i;
                this.positions.defer(() => new EventWalker(this.text, this.base, this.events, this.positions, this.toOriginal).from(root, value));
                this.outlined(value, undefined, undefined, positions);
            }
        }
        this.i++; // POP of the document
        return offset;
    }
    /**
     * The outline's key a mapping key names, if any. A plain key is compared in the text where it stands: most
     * keys are off the outline, so none of those is cut out of the text only to be looked up.
     */
    outlineKey(keyEvent, outline) {
        if (!keyEvent.fast) {
            const name = getScalarValue(this.text, keyEvent);
            return Object.hasOwn(outline, name) ? name : undefined;
        }
        const length = keyEvent.valueEnd - keyEvent.valueStart;
        for (const name in outline)
            if (name.length === length && this.text.startsWith(name, keyEvent.valueStart))
                return name;
        return undefined;
    }
    /** Records every node position of the document whose root is the event at `root`. */
    from(root, value) {
        this.i = root;
        this.node(value, undefined, undefined);
    }
    /** As `node`, but only along the outline: every subtree off it is stepped over unread. */
    outlined(value, parent, key, outline) {
        const event = this.events[this.i];
        const offset = this.startOf(event);
        if (parent !== undefined && key !== undefined)
            this.positions.setChild(parent, key, offset);
        const container = event.type === EVENT_ID.MAPPING ? (isObject(value) ? value : undefined)
            : event.type === EVENT_ID.SEQUENCE ? (Array.isArray(value) ? value : undefined) : undefined;
        if (container)
            this.positions.setStart(container, offset);
        if (outline === true || (event.type !== EVENT_ID.MAPPING && event.type !== EVENT_ID.SEQUENCE)) {
            this.skip();
            return;
        }
        this.i++;
        if (event.type === EVENT_ID.MAPPING) {
            while (this.events[this.i] && this.events[this.i].type !== EVENT_ID.POP) {
                const keyEvent = this.events[this.i];
                if (keyEvent.type !== EVENT_ID.SCALAR) {
                    this.skip();
                    this.skip();
                    continue;
                }
                this.i++;
                const name = this.outlineKey(keyEvent, outline);
                if (name === undefined)
                    this.skip();
                else
                    this.outlined(container ? container[name] : undefined, container, name, outline[name]);
            }
        }
        else {
            const inner = Object.hasOwn(outline, '*') ? outline['*'] : undefined;
            const list = container;
            for (let index = 0; this.events[this.i] && this.events[this.i].type !== EVENT_ID.POP; index++) {
                if (inner === undefined)
                    this.skip();
                else
                    this.outlined(list?.[index], list, index, inner);
            }
        }
        this.i++;
    }
    node(value, parent, key) {
        const event = this.events[this.i++];
        const offset = this.startOf(event);
        if (parent !== undefined && key !== undefined)
            this.positions.setChild(parent, key, offset);
        if (event.type === EVENT_ID.MAPPING) {
            const map = isObject(value) ? value : undefined;
            if (map)
                this.positions.setStart(map, offset);
            while (this.events[this.i] && this.events[this.i].type !== EVENT_ID.POP) {
                const keyEvent = this.events[this.i];
                if (keyEvent.type === EVENT_ID.SCALAR) {
                    this.i++;
                    const name = getScalarValue(this.text, keyEvent);
                    this.node(map ? map[name] : undefined, map, name);
                }
                else {
                    this.skip(); // a complex key: nothing of ours lives under one
                    this.skip();
                }
            }
            this.i++;
        }
        else if (event.type === EVENT_ID.SEQUENCE) {
            const list = Array.isArray(value) ? value : undefined;
            if (list)
                this.positions.setStart(list, offset);
            let index = 0;
            while (this.events[this.i] && this.events[this.i].type !== EVENT_ID.POP) {
                this.node(list?.[index], list, index);
                index++;
            }
            this.i++;
        }
    }
    skip() {
        let depth = 0;
        do {
            const event = this.events[this.i++];
            if (!event)
                return;
            if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE)
                depth++;
            else if (event.type === EVENT_ID.POP)
                depth--;
        } while (depth > 0);
    }
    startOf(event) {
        switch (event.type) {
            case EVENT_ID.MAPPING:
            case EVENT_ID.SEQUENCE:
                return this.base + this.toOriginal(event.start);
            case EVENT_ID.SCALAR:
                return this.base + this.toOriginal(event.valueStart);
            case EVENT_ID.ALIAS:
                return this.base + this.toOriginal(event.anchorStart);
            default:
                return this.base;
        }
    }
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/**
 * Indents every line that continues a block-context flow collection (`key: [`
 * or `- [` ... `]`) to one column past the key that opened it. Returns the
 * new text and a map from its offsets back to the original's, or undefined
 * when no line needed it. Quotes and comments are skipped so brackets inside
 * them never count.
 */
function relaxFlowIndentation(text) {
    const lines = text.split('\n');
    const out = [];
    // Original offset of each padded line's start, and how many spaces went before it.
    const pads = [];
    let depth = 0;
    let required = 0;
    let quote;
    let offset = 0;
    for (const line of lines) {
        let current = line;
        const indent = line.length - line.trimStart().length;
        if (depth > 0 && quote === undefined && line.trim() !== '' && indent < required) {
            current = ' '.repeat(required - indent) + line;
            pads.push({ at: offset, count: required - indent });
        }
        // The block indentation of this line: its key's column, past any `- ` sequence indicators.
        const keyColumn = /^[ \t]*(?:-[ \t]+)*/.exec(line)[0].length;
        for (let i = 0; i < line.length; i++) {
            const c = line[i];
            if (quote !== undefined) {
                if (c === quote) {
                    if (quote === "'" && line[i + 1] === "'")
                        i++;
                    else
                        quote = undefined;
                }
                else if (c === '\\' && quote === '"')
                    i++;
                continue;
            }
            if (c === '#' && (i === 0 || /\s/.test(line[i - 1])))
                break;
            if ((c === '"' || c === "'") && (depth > 0 || /(?:^|[\s:,\[{-])$/.test(line.slice(0, i)))) {
                quote = c;
                continue;
            }
            if (c === '[' || c === '{') {
                const opensFlow = depth > 0 || /(?:^|[:-])[ \t]*$/.test(line.slice(0, i));
                if (!opensFlow)
                    continue;
                if (depth === 0)
                    required = keyColumn + 1;
                depth++;
            }
            else if ((c === ']' || c === '}') && depth > 0)
                depth--;
        }
        out.push(current);
        offset += line.length + 1;
    }
    if (pads.length === 0)
        return undefined;
    // Where each padded line starts in the new text, and the total shift once its spaces are passed.
    const marks = [];
    let shift = 0;
    for (const pad of pads) {
        marks.push({ lineStart: pad.at + shift, original: pad.at, count: pad.count, shiftAfter: shift + pad.count });
        shift += pad.count;
    }
    const toOriginal = (padded) => {
        let lo = 0;
        let hi = marks.length - 1;
        let found = -1;
        while (lo <= hi) {
            const mid = (lo + hi) >> 1;
            if (marks[mid].lineStart <= padded) {
                found = mid;
                lo = mid + 1;
            }
            else
                hi = mid - 1;
        }
        if (found < 0)
            return padded;
        const mark = marks[found];
        // Inside the inserted spaces: the line's start in the original.
        return padded < mark.lineStart + mark.count ? mark.original : padded - mark.shiftAfter;
    };
    return { text: out.join('\n'), toOriginal };
}

/**
 * A file's text is read in parts of about this much, and one document can be read whole up to maxDocumentChars.
 * The API server takes no object near that size (etcd stores at most 1.5 MiB); a List, which kubectl sends item by
 * item, is read in runs of items and may be as large as the file.
 *
 * What one parse builds lives until it ends, and young-generation collections copy it each time they run: the parse
 * costs more per character the longer its text. Parsing the bench's 100k-entry export (33 MB) in runs of 16, 32,
 * 64, 128 and 256 KB and 1 MB took 1.1–1.7, 1.1–1.2, 1.1, 1.6, 2.9 and 4.5 s (js-yaml's own loadAll of the same
 * runs: 0.9–1.0, 0.9, 0.9, 1.5, 1.9 and 3.1 s).
 */
const PIECE_LIMITS = { pieceChars: 64 * 1024, maxDocumentChars: 16 * 1024 * 1024 };
/** The parts of a file's text (its templates blanked); `lines` locates offsets in the whole file, asked only if there are several parts. */
function planParts(path, text, limits, lines) {
    const plan = { parts: [], lists: [] };
    const pieces = filePieces(text, limits);
    if (pieces.length === 1 && pieces[0].kind === 'documents') {
        plan.parts.push({ path, text, offset: 0, line: 1, holds: 'documents' });
        return plan;
    }
    const part = (start, end, holds) => ({
        path, text: holds === 'too-large' ? '' : text.slice(start, end), offset: start, line: lines().lineOf(start), holds,
        ...(holds === 'too-large' ? { chars: end - start } : {}),
    });
    for (const piece of pieces) {
        if (piece.kind !== 'list') {
            plan.parts.push(part(piece.start, piece.end, piece.kind));
            continue;
        }
        const readable = piece.end - piece.start <= limits.maxDocumentChars;
        // Merge keys draw on one budget per document (js-yaml's maxTotalMergeKeys), which runs read apart would each have whole.
        const mustReadWhole = !isListFrame(text.slice(piece.start, piece.itemsStart) + text.slice(piece.itemsEnd, piece.end))
            || (readable && text.slice(piece.start, piece.end).includes('<<'));
        if (mustReadWhole) {
            plan.parts.push(part(piece.start, piece.end, readable ? 'documents' : 'too-large'));
            continue;
        }
        const first = plan.parts.length;
        for (const run of piece.runs)
            plan.parts.push({ ...part(run.start, run.end, readable ? 'items' : 'items-of-a-large-list'), itemStarts: run.itemStarts, flow: piece.flow });
        if (readable)
            plan.lists.push({ first, last: plan.parts.length - 1, whole: part(piece.start, piece.end, 'documents') });
    }
    return plan;
}
/**
 * The List's frame, the document without its items: one mapping of a List kind whose `items` key is there with
 * nothing under it (`items:` in YAML, `"items": []` in JSON). Only then is the cut trusted: the items are that
 * List's, and the values a whole read gives.
 */
function isListFrame(frame) {
    const stream = parseYamlDocuments(frame, { positionsFor: () => false });
    if (stream.problems.length > 0 || stream.documents.length !== 1)
        return false;
    const root = stream.documents[0].value;
    if (!isPlainMap(root) || !isListKind(root['kind']) || !Object.hasOwn(root, 'items'))
        return false;
    const items = root['items'];
    return items === null || (Array.isArray(items) && items.length === 0);
}
/** Loads one part; undefined when a run of items (`holds: 'items'`) does not read cleanly and its List must be read whole. */
function loadFilePart(part, options) {
    const result = { entries: [], sidecars: [], diagnostics: [] };
    if (part.holds === 'too-large') {
        result.diagnostics.push(documentTooLarge(part, options));
        return result;
    }
    const read = { part, lines: new LineIndex(part.text, part.offset, part.line), sharedStrings: new Map() };
    try {
        if (part.holds === 'documents')
            loadDocuments(read, part.offset, part.offset + part.text.length, options, result);
        else if (!loadItems(read, options, result))
            return undefined;
    }
    catch (error) {
        result.diagnostics.push(unreadable(part.path, part.line, error));
    }
    return result;
}
/** What cannot be read at all, said at the line it starts on. The parser recursing too deep (RangeError) is the known way to get here. */
function unreadable(path, line, error) {
    return {
        severity: 'error',
        code: 'unreadable-file',
        message: `could not be parsed (${error instanceof RangeError ? 'nesting too deep' : describe(error)}); its entries are not analysed`,
        location: { path, line, column: 1 },
    };
}
/** A file's load from its parts' loads, in order: a List one of whose runs did not read cleanly is read whole here. */
function finishParts(plan, loaded, options, into) {
    // Nearly every file is one part, with nothing said before it was read: its load is the file's.
    const only = plan.parts.length === 1 ? loaded[0] : undefined;
    if (only && into.diagnostics.length === 0 && into.unrenderedServiceEntries === undefined)
        return only;
    const wholeAt = new Map(plan.lists.map((list) => [list.first, list]));
    for (let i = 0; i < plan.parts.length; i++) {
        const list = wholeAt.get(i);
        if (list && loaded.slice(list.first, list.last + 1).some((part) => part === undefined)) {
            append(into, loadFilePart(list.whole, options));
            i = list.last;
            continue;
        }
        append(into, loaded[i]);
    }
    return into;
}
/** Adds one load to another, in order: a file's parts to the file, or files to a repository (mergeLoadResults). */
function append(into, part) {
    for (const e of part.entries)
        into.entries.push(e);
    for (const s of part.sidecars)
        into.sidecars.push(s);
    for (const d of part.diagnostics)
        into.diagnostics.push(d);
    if (part.unrenderedServiceEntries)
        into.unrenderedServiceEntries = (into.unrenderedServiceEntries ?? 0) + part.unrenderedServiceEntries;
}
/** Whole documents [start, end) of the part's file, read together. */
function loadDocuments(read, start, end, options, result) {
    const { part } = read;
    const stream = parseYamlDocuments(part.text.slice(start - part.offset, end - part.offset), { positionsFor: mayHoldOurKinds, base: start });
    for (const problem of stream.problems) {
        // A syntax error matters only where the document says it is one of ours: an unrelated
        // manifest (or a Helm helper named after a Sidecar) that does not parse is not our business.
        if (!declaredAnalysedKind(part.text.slice(problem.documentStart - part.offset, problem.documentEnd - part.offset)))
            continue;
        result.diagnostics.push(syntaxError(read, problem.offset, problem.message, 'document'));
    }
    const reader = new ValueReader(part.path, read.lines, stream.positions, result.diagnostics, read.sharedStrings);
    for (const doc of stream.documents) {
        if (isPlainMap(doc.value))
            loadManifest(reader, doc.value, options, result);
    }
}
/**
 * A run of a List's items; false, with nothing loaded, when it does not read as exactly its items and its List is to
 * be read whole. In a List too large for that, each item is read on its own, and one that does not read is reported.
 */
function loadItems(read, options, result) {
    const { part } = read;
    const starts = part.itemStarts ?? [];
    const outcome = readItems(read, part.offset, part.offset + part.text.length, starts.length, options, result);
    if (outcome === true)
        return true;
    if (part.holds === 'items')
        return false;
    starts.forEach((at, i) => {
        const start = i === 0 ? part.offset : at;
        const item = readItems(read, start, starts[i + 1] ?? part.offset + part.text.length, 1, options, result);
        if (item !== true)
            result.diagnostics.push(syntaxError(read, item.offset, item.message, 'item'));
    });
    return true;
}
/** Loads the items in [start, end) of the file; when they do not read as exactly `count` items, loads nothing and says why. */
function readItems(read, start, end, count, options, result) {
    const { part } = read;
    const items = part.text.slice(start - part.offset, end - part.offset);
    // A JSON List's items, each `{ … },`, read as the flow sequence they stand in: `[` goes one character before them.
    const stream = part.flow
        ? parseYamlDocuments(`[${items}]`, { positionsFor: () => ITEMS_POSITIONS, base: start - 1, depthAbove: 1 })
        : parseYamlDocuments(items, { positionsFor: () => ITEMS_POSITIONS, base: start, depthAbove: 1 });
    const problem = stream.problems[0];
    if (problem)
        return problem;
    const values = stream.documents[0]?.value;
    // A guard: a cut at each item's first line cannot split an item that js-yaml reads, as far as we know.
    if (stream.documents.length !== 1 || !Array.isArray(values) || values.length !== count) {
        return { offset: start, message: `${count === 1 ? 'the item' : 'these items'} did not read as the List's items they look like` };
    }
    const reader = new ValueReader(part.path, read.lines, stream.positions, result.diagnostics, read.sharedStrings);
    for (const item of values) {
        if (isPlainMap(item))
            loadManifest(reader, item, options, result);
    }
    return true;
}
function syntaxError(read, offset, message, what) {
    return { severity: 'error', code: 'yaml-syntax', message: `YAML syntax error: ${message}; this ${what} is not analysed.`, location: read.lines.location(read.part.path, offset) };
}
function documentTooLarge(part, options) {
    const limit = (options.pieceLimits ?? PIECE_LIMITS).maxDocumentChars;
    return {
        severity: 'error',
        code: 'document-too-large',
        message: `holds a document of ${part.chars ?? 0} characters, over the ${limit} a document may hold unless it is a List of block items; not analysed`,
        location: { path: part.path, line: part.line, column: 1 },
    };
}
function describe(error) {
    return error instanceof Error ? error.message.split('\n')[0] ?? error.name : String(error);
}

/**
 * The largest file read. A cluster's export of 100,000 ServiceEntries is about 33 MB, and a List is read a run of
 * items at a time, so its size costs little beyond its text; any other document stops at PIECE_LIMITS.maxDocumentChars.
 */
const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;
/** One file's share of a load: files are independent, so callers may cache this per file text. */
function loadSourceFile(file, options) {
    const result = { entries: [], sidecars: [], diagnostics: [] };
    const plan = planFileLoad(file, options, result);
    return plan ? finishParts(plan, plan.parts.map((part) => loadFilePart(part, options)), options, result) : result;
}
/**
 * What the whole file says before any of it is read (its size, binary data, bytes replaced, templates: into `head`),
 * and the parts to read, each loadable on its own and on any thread (loadFilePart), to be put together in order by
 * finishParts; undefined when there is nothing to read.
 */
function planFileLoad(file, options, head) {
    const at = { path: file.path, line: 1, column: 1 };
    const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    if (file.text.length > maxBytes) {
        head.diagnostics.push({ severity: 'error', code: 'file-too-large', message: `is ${file.text.length} characters, over the ${maxBytes} limit; not analysed`, location: at });
        return undefined;
    }
    // Cheap pre-filter: a file that names neither kind cannot hold one.
    if (!file.text.includes('ServiceEntry') && !file.text.includes('Sidecar'))
        return undefined;
    if (file.text.includes('\u0000')) {
        head.diagnostics.push({ severity: 'error', code: 'binary-file', message: 'holds binary data (a NUL byte); not analysed', location: at });
        return undefined;
    }
    // Most files are one part, which indexes its own lines: the whole file's are indexed only if something here needs them.
    let wholeLines;
    const lines = () => (wholeLines ??= new LineIndex(file.text));
    try {
        const replaced = file.text.indexOf('\uFFFD');
        if (replaced >= 0) {
            head.diagnostics.push({ severity: 'warning', code: 'not-utf8', message: 'is not valid UTF-8; bytes were replaced before parsing', location: lines().location(file.path, replaced) });
        }
        let text = file.text;
        if (mayHoldTemplates(text)) {
            const spans = documentSpans(text);
            const templates = spans.filter((span) => looksLikeTemplate(text.slice(span.start, span.end)));
            for (const span of templates)
                reportTemplate(file.path, text, span, lines(), head);
            text = blankSpans(text, templates);
        }
        return planParts(file.path, text, options.pieceLimits ?? PIECE_LIMITS, lines);
    }
    catch (error) {
        head.diagnostics.push(unreadable(file.path, 1, error));
        return undefined;
    }
}
/** An unrendered template declaring one of our kinds: said once, counted, never read as values. */
function reportTemplate(path, text, span, lines, result) {
    const doc = text.slice(span.start, span.end);
    const kind = declaredAnalysedKind(doc);
    if (!kind)
        return;
    if (kind === 'ServiceEntry')
        result.unrenderedServiceEntries = (result.unrenderedServiceEntries ?? 0) + 1;
    result.diagnostics.push({
        severity: 'info',
        code: 'template',
        message: `${kind} not analysed (template): it holds {{ … }} or a ytt #@ annotation, so its values are not what a cluster receives; analyse the rendered output (a Helm chart or Kustomize root the repository declares is rendered when helm/kustomize is available)`,
        location: lines.location(path, span.start + Math.max(0, doc.indexOf(kind))),
    });
}

/** The loader's entry keys, in its order (readServiceEntry). */
const ENTRY_KEYS = ['kind', 'ref', 'apiVersion', 'name', 'namespace', 'namespaceExplicit', 'hosts', 'addresses', 'ports', 'resolution', 'exportTo', 'hasWorkloadSelector', 'endpointCount', 'labels', 'creationTimestamp', 'location', 'hostsLocation', 'ignoreAnnotation', 'meshLocation', 'statusAddresses'];
const PORT_KEYS = ['number', 'protocol', 'protocolClass', 'name', 'location'];
const LOCATION_KEYS = ['path', 'line', 'column'];
const ANNOTATION_KEYS = ['value', 'location'];
/** hostsLocation: the same object as location (an entry without spec.hosts), or a location of its own. */
const SAME_LOCATION = 0;
const OWN_LOCATION = 1;
function encodeChunk(parts, files) {
    const values = [];
    const strings = [];
    const ids = new Map();
    const id = (value) => {
        let known = ids.get(value);
        if (known === undefined) {
            known = strings.push(value) - 1;
            ids.set(value, known);
        }
        return known;
    };
    const wireParts = parts.map((part, i) => {
        if (part === undefined)
            return { encoded: 0, entries: [], sidecars: [], diagnostics: [], unread: true };
        const path = files[i].path;
        const plain = { sidecars: part.sidecars, diagnostics: part.diagnostics, ...(part.unrenderedServiceEntries !== undefined ? { unrenderedServiceEntries: part.unrenderedServiceEntries } : {}) };
        if (!part.entries.every((entry) => encodable(entry, path)))
            return { encoded: 0, entries: part.entries, ...plain };
        for (const entry of part.entries)
            encodeEntry(entry, values, id);
        return { encoded: part.entries.length, entries: [], ...plain };
    });
    return { parts: wireParts, values, strings };
}
function encodeEntry(e, v, id) {
    v.push(e.ref, id(e.apiVersion), e.name, id(e.namespace), e.namespaceExplicit);
    v.push(e.hosts.length, ...e.hosts);
    v.push(e.addresses.length, ...e.addresses);
    v.push(e.ports.length);
    for (const p of e.ports)
        v.push(p.number, id(p.protocol), id(p.protocolClass), id(p.name), p.location.line, p.location.column);
    v.push(id(e.resolution));
    if (e.exportTo === undefined)
        v.push(-1);
    else
        v.push(e.exportTo.length, ...e.exportTo.map(id));
    v.push(e.hasWorkloadSelector, e.endpointCount);
    const labels = Object.keys(e.labels);
    v.push(labels.length);
    for (const key of labels)
        v.push(id(key), id(e.labels[key]));
    v.push(e.creationTimestamp, e.location.line, e.location.column);
    if (e.hostsLocation === e.location)
        v.push(SAME_LOCATION);
    else
        v.push(OWN_LOCATION, e.hostsLocation.line, e.hostsLocation.column);
    if (e.ignoreAnnotation === undefined)
        v.push(undefined);
    else
        v.push(id(e.ignoreAnnotation.value), e.ignoreAnnotation.location.line, e.ignoreAnnotation.location.column);
    v.push(e.meshLocation === undefined ? undefined : id(e.meshLocation));
    if (e.statusAddresses === undefined)
        v.push(-1);
    else
        v.push(e.statusAddresses.length, ...e.statusAddresses.map(id));
}
/** Whether the entry has exactly the loader's shape, every location in `path`: only then is it encoded. */
function encodable(e, path) {
    if (!hasKeys(e, ENTRY_KEYS) || e.kind !== 'ServiceEntry')
        return false;
    if (typeof e.ref !== 'string' || typeof e.apiVersion !== 'string' || typeof e.name !== 'string' || typeof e.namespace !== 'string')
        return false;
    if (typeof e.namespaceExplicit !== 'boolean' || typeof e.hasWorkloadSelector !== 'boolean' || typeof e.endpointCount !== 'number')
        return false;
    if (!isStringList(e.hosts) || !isStringList(e.addresses) || typeof e.resolution !== 'string')
        return false;
    if (e.exportTo !== undefined && !isStringList(e.exportTo))
        return false;
    if (e.statusAddresses !== undefined && !isStringList(e.statusAddresses))
        return false;
    if (e.meshLocation !== undefined && typeof e.meshLocation !== 'string')
        return false;
    if (e.creationTimestamp !== undefined && typeof e.creationTimestamp !== 'number')
        return false;
    if (!Array.isArray(e.ports) || !e.ports.every((p) => hasKeys(p, PORT_KEYS) && typeof p.number === 'number' && typeof p.protocol === 'string'
        && typeof p.protocolClass === 'string' && typeof p.name === 'string' && isLocationIn(p.location, path)))
        return false;
    // A label named __proto__ would be lost to the setter of that name when the main thread rebuilds the labels
    // (the loader's own labels never hold one: it builds them the same way).
    if (!isPlainObject(e.labels) || Object.hasOwn(e.labels, '__proto__') || !Object.values(e.labels).every((value) => typeof value === 'string'))
        return false;
    if (!isLocationIn(e.location, path) || !isLocationIn(e.hostsLocation, path))
        return false;
    const annotation = e.ignoreAnnotation;
    return annotation === undefined || (hasKeys(annotation, ANNOTATION_KEYS) && typeof annotation.value === 'string' && isLocationIn(annotation.location, path));
}
function isLocationIn(location, path) {
    if (!hasKeys(location, LOCATION_KEYS))
        return false;
    const { path: at, line, column } = location;
    return at === path && typeof line === 'number' && typeof column === 'number';
}
function hasKeys(value, keys) {
    if (!isPlainObject(value))
        return false;
    const own = Object.keys(value);
    return own.length === keys.length && own.every((key, i) => key === keys[i]);
}
function isPlainObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}
function isStringList(value) {
    return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/**
 * The side of a load worker (see parallel-load.ts): it parses the files it is
 * sent and posts what they hold back. Bundled on its own (load-worker-main.ts).
 */
/** One unit's load; undefined for a run of items that did not read cleanly (see loadFilePart). */
function loadUnit(unit, options) {
    return 'holds' in unit ? loadFilePart(unit, options) : loadSourceFile(unit, options);
}
function runLoadWorker() {
    const port = parentPort;
    port.on('message', (request) => {
        const parts = request.files.map((unit) => loadUnit(unit, request.options));
        const reply = { chunk: request.chunk, loaded: encodeChunk(parts, request.files) };
        port.postMessage(reply);
    });
}

/**
 * Entry point of dist/load-worker.js, the bundle load workers run: only the
 * loader and its YAML parser, so a worker starts in milliseconds instead of
 * compiling the whole CLI or action first.
 */
if (isMainThread) {
    process.stderr.write('load-worker.js is started by serviceentry-guard as a worker thread, not run on its own\n');
    process.exitCode = 2;
}
else {
    runLoadWorker();
}
