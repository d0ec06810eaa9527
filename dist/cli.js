#!/usr/bin/env node
import { lstat, readdir, realpath, stat, readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { resolve, join, relative, sep, isAbsolute } from 'node:path';
import { createHash } from 'node:crypto';

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
/** Istio drops a whole port that disagrees in protocol with one of these on the same listener. */
function isWellKnownPortProtocol(protocol) {
    const p = protocol.toUpperCase();
    return p === 'MONGO' || p === 'MYSQL';
}
function displayProtocol(protocol) {
    return protocol === '' ? 'unset (sniffed)' : protocol;
}

const RESOLUTIONS = ['NONE', 'STATIC', 'DNS', 'DNS_ROUND_ROBIN', 'DYNAMIC_DNS'];
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
        addresses: reader.stringList(reader.field(spec, 'addresses'), 'spec.addresses') ?? [],
        ports: readPorts(reader, reader.field(spec, 'ports')),
        resolution: readResolution(reader, reader.field(spec, 'resolution')),
        exportTo: readExportTo(reader, spec),
        hasWorkloadSelector: reader.field(spec, 'workloadSelector') !== undefined,
        endpointCount: reader.items(reader.field(spec, 'endpoints'), 'spec.endpoints').length,
        labels: header.labels,
        creationTimestamp: header.creationTimestamp,
        location: header.location,
        hostsLocation: hostsField ? reader.locate(hostsField) : header.location,
        documentIndex: header.documentIndex,
    };
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
    return ports;
}
function readResolution(reader, field) {
    const value = reader.string(field, 'spec.resolution');
    if (value === undefined)
        return 'NONE';
    const upper = value.toUpperCase();
    if (RESOLUTIONS.includes(upper))
        return upper;
    reader.report(field, 'invalid-value', `unknown resolution ${JSON.stringify(value)}; treated as NONE`, 'warning');
    return 'NONE';
}
/** spec.exportTo wins; the pre-1.1 `configScope` maps onto it (PRIVATE is ".", PUBLIC is "*"). */
function readExportTo(reader, spec) {
    const exportTo = reader.stringList(reader.field(spec, 'exportTo'), 'spec.exportTo');
    if (exportTo !== undefined)
        return exportTo;
    const scopeField = reader.field(spec, 'configScope');
    const scope = reader.string(scopeField, 'spec.configScope');
    if (scope === undefined)
        return undefined;
    if (scope.toUpperCase() === 'PRIVATE')
        return ['.'];
    if (scope.toUpperCase() === 'PUBLIC')
        return ['*'];
    reader.report(scopeField, 'invalid-value', `unknown configScope ${JSON.stringify(scope)}; treated as the mesh default`, 'warning');
    return undefined;
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

/**
 * Where each parsed value came from. Kept beside the plain values (not on
 * them), keyed by the containing object, so the values stay exactly what the
 * YAML parser built.
 */
class PositionIndex {
    starts = new WeakMap();
    children = new WeakMap();
    setStart(container, offset) {
        if (!this.starts.has(container))
            this.starts.set(container, offset);
    }
    setChild(parent, key, offset) {
        let map = this.children.get(parent);
        if (!map) {
            map = new Map();
            this.children.set(parent, map);
        }
        map.set(key, offset);
    }
    start(container) {
        return this.starts.get(container);
    }
    child(parent, key) {
        return this.children.get(parent)?.get(key);
    }
}
/** Turns character offsets into 1-based lines and columns with a binary search over line starts. */
class LineIndex {
    lineStarts = [0];
    constructor(text) {
        for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
            this.lineStarts.push(i + 1);
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
        return { line: lo + 1, column: offset - this.lineStarts[lo] + 1 };
    }
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
    constructor(path, lines, positions, diagnostics) {
        this.path = path;
        this.lines = lines;
        this.positions = positions;
        this.diagnostics = diagnostics;
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
        return { path: this.path, ...this.lines.position(offset) };
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
            return v;
        if (typeof v === 'number' || typeof v === 'boolean') {
            this.report(field, 'wrong-type', `${what} must be a string, found ${typeof v} ${String(v)}`, 'warning');
            return String(v);
        }
        this.report(field, 'wrong-type', `${what} must be a string`);
        return undefined;
    }
    integer(field, what) {
        if (!field)
            return undefined;
        if (typeof field.value === 'number' && Number.isInteger(field.value))
            return field.value;
        this.report(field, 'wrong-type', `${what} must be an integer, found ${JSON.stringify(field.value)?.slice(0, 40) ?? typeof field.value}; the API server rejects this manifest`);
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
        return out;
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
function isPlainMap(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
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
function isPlainObject(data) {
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
		} else if (isPlainObject(item)) {
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
	identify: isPlainObject,
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
	identify: (data) => data instanceof Map || isPlainObject(data),
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
	identify: isPlainObject,
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
	const state = {
		...DEFAULT_CONSTRUCTOR_OPTIONS,
		...options,
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
	const state = {
		...DEFAULT_PARSER_OPTIONS,
		...options,
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

/** Deeper nesting than any manifest needs is refused, so hostile input cannot exhaust the stack. */
const MAX_DEPTH = 64;
const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm;
/**
 * Parses a YAML stream with js-yaml's event parser: its values, plus the
 * offset of every node. A syntax error costs only the document it is in: the
 * stream is then re-read document by document, split at the `---` and `...`
 * markers, which end any node in YAML whatever its indentation.
 */
function parseYamlDocuments(text) {
    const stream = { documents: [], positions: new PositionIndex(), problems: [] };
    try {
        readChunk(text, 0, stream);
        return stream;
    }
    catch (error) {
        if (!(error instanceof YAMLException))
            throw error;
    }
    stream.documents = [];
    for (const [start, end] of documentChunks(text)) {
        try {
            readChunk(text.slice(start, end), start, stream);
        }
        catch (error) {
            if (!(error instanceof YAMLException))
                throw error;
            stream.problems.push({ message: error.reason, offset: start + (error.mark?.position ?? 0) });
        }
    }
    return stream;
}
function readChunk(text, base, stream) {
    const events = parseEvents(text, { maxDepth: MAX_DEPTH });
    const values = constructFromEvents(events, { source: text, json: true });
    const walker = new EventWalker(text, base, events, stream.positions);
    for (const value of values) {
        const offset = walker.document(value);
        stream.documents.push({ value, offset });
    }
}
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
    i = 0;
    constructor(text, base, events, positions) {
        this.text = text;
        this.base = base;
        this.events = events;
        this.positions = positions;
    }
    document(value) {
        while (this.i < this.events.length && this.events[this.i].type !== EVENT_ID.DOCUMENT)
            this.i++;
        this.i++; // DOCUMENT
        const first = this.events[this.i];
        const offset = first ? this.startOf(first) : this.base;
        if (first && first.type !== EVENT_ID.POP)
            this.node(value, undefined, undefined);
        this.i++; // POP of the document
        return offset;
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
                return this.base + event.start;
            case EVENT_ID.SCALAR:
                return this.base + event.valueStart;
            case EVENT_ID.ALIAS:
                return this.base + event.anchorStart;
            default:
                return this.base;
        }
    }
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024;
const ISTIO_NETWORKING_GROUP = 'networking.istio.io/';
const KNOWN_VERSIONS = new Set(['v1alpha3', 'v1beta1', 'v1']);
/**
 * Turns file texts into ServiceEntries and Sidecars. A file that cannot be
 * read is reported with its path and line and skipped; every other file, and
 * every other document of the same file, is still loaded.
 */
function loadSources(files, options) {
    return mergeLoadResults(files.map((file) => loadSourceFile(file, options)));
}
/** One file's share of a load: files are independent, so callers may cache this per file text. */
function loadSourceFile(file, options) {
    const result = { entries: [], sidecars: [], diagnostics: [] };
    try {
        loadFile(file, options, result);
    }
    catch (error) {
        // The parser recursing too deep (RangeError) is the known way to get here.
        result.diagnostics.push({
            severity: 'error',
            code: 'unreadable-file',
            message: `could not be parsed (${error instanceof RangeError ? 'nesting too deep' : describe(error)}); its entries are not analysed`,
            location: { path: file.path, line: 1, column: 1 },
        });
    }
    return result;
}
function mergeLoadResults(parts) {
    const merged = { entries: [], sidecars: [], diagnostics: [] };
    for (const part of parts) {
        for (const e of part.entries)
            merged.entries.push(e);
        for (const s of part.sidecars)
            merged.sidecars.push(s);
        for (const d of part.diagnostics)
            merged.diagnostics.push(d);
    }
    return merged;
}
function loadFile(file, options, result) {
    const at = { path: file.path, line: 1, column: 1 };
    const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    if (file.text.length > maxBytes) {
        result.diagnostics.push({ severity: 'error', code: 'file-too-large', message: `is ${file.text.length} characters, over the ${maxBytes} limit; not analysed`, location: at });
        return;
    }
    // Cheap pre-filter: a file that names neither kind cannot hold one.
    if (!file.text.includes('ServiceEntry') && !file.text.includes('Sidecar'))
        return;
    if (file.text.includes('\u0000')) {
        result.diagnostics.push({ severity: 'error', code: 'binary-file', message: 'holds binary data (a NUL byte); not analysed', location: at });
        return;
    }
    const lines = new LineIndex(file.text);
    const replaced = file.text.indexOf('\uFFFD');
    if (replaced >= 0) {
        result.diagnostics.push({ severity: 'warning', code: 'not-utf8', message: 'is not valid UTF-8; bytes were replaced before parsing', location: { path: file.path, ...lines.position(replaced) } });
    }
    const stream = parseYamlDocuments(file.text);
    const template = stream.problems.length > 0 && /\{\{.*\}\}/.test(file.text) ? ' It looks like a Helm/Go template: analyse the rendered manifests instead.' : '';
    for (const problem of stream.problems) {
        result.diagnostics.push({
            severity: 'error',
            code: 'yaml-syntax',
            message: `YAML syntax error: ${problem.message}; this document is not analysed.${template}`,
            location: { path: file.path, ...lines.position(problem.offset) },
        });
    }
    const reader = new ValueReader(file.path, lines, stream.positions, result.diagnostics);
    stream.documents.forEach((doc, documentIndex) => {
        if (isPlainMap(doc.value))
            loadManifest(reader, doc.value, documentIndex, options, result);
    });
}
function loadManifest(reader, root, documentIndex, options, result) {
    const kind = root['kind'];
    if (typeof kind === 'string' && kind.endsWith('List')) {
        for (const item of reader.items(reader.field(root, 'items'), 'items')) {
            if (isPlainMap(item.value))
                loadManifest(reader, item.value, documentIndex, options, result);
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
    const header = readHeader(reader, root, apiVersion, documentIndex, options);
    if (kind === 'ServiceEntry') {
        const entry = readServiceEntry(reader, header, root);
        if (entry)
            result.entries.push(entry);
    }
    else {
        result.sidecars.push(readSidecar(reader, header, root));
    }
}
function readHeader(reader, root, apiVersion, documentIndex, options) {
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
    return {
        apiVersion,
        name,
        namespace: namespace || options.defaultNamespace,
        namespaceExplicit: Boolean(namespace),
        labels: reader.stringMap(reader.field(metadata, 'labels'), 'metadata.labels'),
        creationTimestamp,
        location,
        documentIndex,
    };
}
function describe(error) {
    return error instanceof Error ? error.message.split('\n')[0] ?? error.name : String(error);
}

const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules']);
/**
 * Collects manifest files from files and directories. Symlinks are not
 * followed out of the tree they sit in, and files over the size limit are
 * reported without being read, so a hostile checkout cannot make us read
 * /etc/passwd or a 10 GB blob.
 */
async function readManifestFiles(paths, options) {
    const result = { files: [], diagnostics: [] };
    const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    for (const path of paths) {
        const absolute = resolve(options.cwd, path);
        const info = await lstat(absolute).catch(() => undefined);
        if (!info)
            throw new Error(`${path}: no such file or directory`);
        if (info.isDirectory())
            await walk(absolute, absolute, options, maxBytes, result);
        else
            await readOne(absolute, absolute, options, maxBytes, result, true);
    }
    result.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return result;
}
async function walk(root, dir, options, maxBytes, result) {
    const children = await readdir(dir, { withFileTypes: true });
    for (const child of children) {
        const absolute = join(dir, child.name);
        if (child.isDirectory()) {
            if (!SKIPPED_DIRECTORIES.has(child.name))
                await walk(root, absolute, options, maxBytes, result);
        }
        else if ((child.isFile() || child.isSymbolicLink()) && options.filter(toPosix(relative(root, absolute)))) {
            await readOne(root, absolute, options, maxBytes, result, false);
        }
    }
}
async function readOne(root, absolute, options, maxBytes, result, explicit) {
    const display = toPosix(relative(options.cwd, absolute)) || absolute;
    const at = { path: display, line: 1, column: 1 };
    const link = await lstat(absolute);
    if (link.isSymbolicLink()) {
        const target = await realpath(absolute).catch(() => undefined);
        const realRoot = await realpath(explicit ? options.cwd : root);
        if (!target || !isInside(realRoot, target)) {
            result.diagnostics.push({ severity: 'warning', code: 'symlink-outside', message: 'is a symbolic link that leads outside the analysed tree (or nowhere); not read', location: at });
            return;
        }
    }
    const info = await stat(absolute);
    if (!info.isFile())
        return;
    if (info.size > maxBytes) {
        result.diagnostics.push({ severity: 'error', code: 'file-too-large', message: `is ${info.size} bytes, over the ${maxBytes} limit; not analysed`, location: at });
        return;
    }
    const bytes = await readFile(absolute);
    result.files.push({ path: display, text: decodeUtf8(bytes) });
}
/** Invalid sequences become U+FFFD (the loader reports them) rather than failing the file. */
function decodeUtf8(bytes) {
    return new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
}
function isInside(root, path) {
    const rel = relative(root, path);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && !rel.startsWith(`..${sep}`));
}
function toPosix(path) {
    return path.split(sep).join('/');
}

/**
 * The data the pure core passes around. Nothing here does I/O: adapters hand
 * the core file texts, the core hands back entries, findings and diagnostics.
 */
const SEVERITY_RANK = { info: 1, warning: 2, error: 3 };
const DEFAULT_MESH_OPTIONS = {
    defaultExportTo: ['*'],
    rootNamespace: 'istio-system',
    autoAllocate: false,
    consumerNamespaces: [],
};
/** `namespace/name`; entries carry it precomputed, since large collisions ask on every comparison. */
function entryRef(e) {
    return e.ref ?? `${e.namespace}/${e.name}`;
}
function formatLocation(l) {
    return `${l.path}:${l.line}`;
}

/**
 * Merges per-consumer records of the same collision into one, so N
 * namespaces give one finding. Work is per distinct record, not per class:
 * a record fifty namespaces share is walked once.
 */
class CollisionAccumulator {
    byKey = new Map();
    add({ record, allLose }, consumerClass) {
        const key = `${record.rule}\u0000${record.listener}\u0000${record.subKey}`;
        let pending = this.byKey.get(key);
        if (!pending) {
            pending = { rule: record.rule, listener: record.listener, subKey: record.subKey, occurrences: new Map() };
            this.byKey.set(key, pending);
        }
        let seen = pending.occurrences.get(record);
        if (!seen) {
            seen = { asIs: [], allLose: [] };
            pending.occurrences.set(record, seen);
        }
        (allLose ? seen.allLose : seen.asIs).push(consumerClass);
    }
    collisions() {
        return [...this.byKey.values()].map(settle);
    }
}
function settle(pending) {
    const drafts = new Map();
    const consumerClasses = new Set();
    let port = 0;
    for (const [record, seen] of pending.occurrences) {
        for (const c of seen.asIs)
            consumerClasses.add(c);
        for (const c of seen.allLose)
            consumerClasses.add(c);
        const note = (list, outcome, classes) => {
            if (classes.length === 0)
                return;
            for (const ranked of list) {
                const u = ranked.unit;
                port = u.port.number;
                let draft = drafts.get(u.entryIndex);
                if (!draft) {
                    draft = {
                        member: { entry: u.entry, entryIndex: u.entryIndex, hosts: new Set(), units: [], age: ranked.age, bestTier: ranked.tier, role: 'winner', winsFor: [], losesFor: [] },
                        outcomes: [],
                        seen: new Set(),
                    };
                    drafts.set(u.entryIndex, draft);
                }
                const m = draft.member;
                m.hosts.add(u.host);
                if (!m.units.includes(u))
                    m.units.push(u);
                if (ranked.tier < m.bestTier)
                    m.bestTier = ranked.tier;
                draft.outcomes.push([outcome, classes]);
                draft.seen.add(outcome);
            }
        };
        note(record.winners, 'win', seen.asIs);
        note(record.shadowed, 'lose', seen.asIs);
        note(record.undetermined, 'open', seen.asIs);
        for (const list of [record.winners, record.shadowed, record.undetermined])
            note(list, 'lose', seen.allLose);
    }
    const members = new Map();
    for (const [index, { member, outcomes, seen: kinds }] of drafts) {
        // Losing anywhere is what a reader must see first; winning everywhere is the only clean win.
        member.role = kinds.has('lose') ? 'shadowed' : kinds.has('open') ? 'undetermined' : 'winner';
        if (kinds.has('win') && kinds.has('lose')) {
            member.winsFor = [...new Set(outcomes.filter(([o]) => o === 'win').flatMap(([, c]) => c))];
            member.losesFor = [...new Set(outcomes.filter(([o]) => o === 'lose').flatMap(([, c]) => c))];
        }
        members.set(index, member);
    }
    return { rule: pending.rule, listener: pending.listener, port, subKey: pending.subKey, consumerClasses: [...consumerClasses], members };
}
function roleOf(member) {
    return member.role;
}

const OTHER_NAMESPACES = '*';
function effectiveExportTo(entry, mesh) {
    return entry.exportTo && entry.exportTo.length > 0 ? entry.exportTo : mesh.defaultExportTo;
}
/** Namespaces an entry's exportTo singles out: each may see a different winner than `*`. */
function namespacesNamedBy(entry, exportTo) {
    if (exportTo.includes('*') || exportTo.includes('~'))
        return [];
    return exportTo.map((ns) => (ns === '.' ? entry.namespace : ns));
}
/**
 * The Sidecar that scopes a consumer: its own namespace's selector-less one,
 * else the root namespace's, else none (which means `*\/*`).
 */
function consumerClasses(namespaces, sidecars, mesh) {
    const defaultByNamespace = new Map();
    for (const s of sidecars)
        if (!s.hasWorkloadSelector && !defaultByNamespace.has(s.namespace))
            defaultByNamespace.set(s.namespace, s);
    const rootSidecar = defaultByNamespace.get(mesh.rootNamespace);
    const classes = [{ id: OTHER_NAMESPACES, namespace: undefined, sidecar: rootSidecar }];
    const all = new Set(namespaces);
    for (const s of sidecars)
        all.add(s.namespace);
    for (const ns of [...all].sort()) {
        classes.push({ id: ns, namespace: ns, sidecar: defaultByNamespace.get(ns) ?? rootSidecar });
    }
    for (const s of sidecars) {
        if (s.hasWorkloadSelector)
            classes.push({ id: `${s.namespace} (Sidecar ${s.name})`, namespace: s.namespace, sidecar: s });
    }
    return classes;
}
/** Whether a Sidecar's egress hosts (`ns/dnsName`) import this host from this namespace. */
function sidecarImports(sidecar, entryNamespace, host) {
    if (!sidecar || sidecar.egress.length === 0)
        return true;
    for (const listener of sidecar.egress) {
        for (const spec of listener.hosts) {
            const slash = spec.indexOf('/');
            if (slash < 0)
                continue;
            const ns = spec.slice(0, slash);
            const name = spec.slice(slash + 1);
            const nsMatches = ns === '*' || (ns === '.' ? sidecar.namespace === entryNamespace : ns === entryNamespace);
            if (nsMatches && hostMatches(name, host))
                return true;
        }
    }
    return false;
}
function hostMatches(pattern, host) {
    if (pattern === '*')
        return true;
    if (pattern.startsWith('*.')) {
        const suffix = pattern.slice(1);
        return host.endsWith(suffix) || host === pattern;
    }
    return pattern === host;
}
/**
 * A Sidecar whose every egress host is exact and names its namespace imports
 * services one by one, and Istio then keeps plain creation order: the
 * private-first rule does not apply to its workloads.
 */
function importsByExactNames(sidecar) {
    if (!sidecar || sidecar.egress.length === 0)
        return false;
    return sidecar.egress.every((listener) => listener.hosts.length > 0 && listener.hosts.every((spec) => {
        const slash = spec.indexOf('/');
        const ns = spec.slice(0, slash);
        const name = spec.slice(slash + 1);
        return slash > 0 && ns !== '*' && ns !== '~' && !name.includes('*');
    }));
}

/** Ports whose clients almost always speak TLS with SNI, so `protocol: TLS` is the cheap cure. */
const TLS_PORTS = new Set([443, 8443, 9443, 6443, 993, 995, 465, 636]);
/**
 * Says which entry wins, why Istio picks it, what happens to the others'
 * traffic, and what each cure costs: the finding should teach, not only flag.
 */
function explain(collision, members, mesh) {
    // A collision can hold 100k entries: name each list of hosts once, not in every sentence.
    const named = new Map();
    const hostsOf = (list) => {
        let text = named.get(list);
        if (text === undefined) {
            text = describeHosts(list);
            named.set(list, text);
        }
        return text;
    };
    const winners = members.filter((m) => roleOf(m) === 'winner');
    const losers = members.filter((m) => roleOf(m) === 'shadowed');
    const open = members.filter((m) => roleOf(m) === 'undetermined');
    const port = collision.port;
    const who = audience(collision.consumerClasses);
    switch (collision.rule) {
        case 'tcp-shadowed':
        case 'tls-shadowed': {
            const tls = collision.rule === 'tls-shadowed';
            const lead = winners.length > 0 ? hostsOf(winners) : open.length > 0 ? `one of ${hostsOf(open)}` : 'the first entry';
            return {
                title: losers.length > 0
                    ? `${hostsOf(losers)} port ${port} traffic goes to ${lead} (shared listener ${collision.listener})`
                    : `${hostsOf(open)} share listener ${collision.listener}: only one of them gets the traffic`,
                explanation: [
                    tls
                        ? `These entries declare port ${port} as TLS on the same address, so their filter chains have the same match (no SNI to tell them apart) on listener ${collision.listener}.`
                        : `These entries declare port ${port} as ${protocolsOf(members)} with ${bindingOf(collision)}, so every sidecar that sees them builds one listener ${collision.listener} whose match-all TCP chain can lead to one destination only.`,
                    'Istio keeps the chain of the service it processes first and drops the others: nothing fails at apply time and nothing is logged; only the metric pilot_conflict_outbound_listener_tcp_over_current_tcp counts it.',
                    winnerSentence(winners, open, losers),
                    losers.length > 0 ? `Connections from ${who} to ${hostsOf(losers)} port ${port} are proxied to ${lead}.` : '',
                    passthroughNote(winners),
                ].filter(Boolean).join(' '),
                fixes: shadowFixes(port, losers.length > 0 ? losers : open, tls, mesh),
            };
        }
        case 'multi-host-tcp':
            return {
                title: `${members[0] ? entryRef(members[0].entry) : 'an entry'} lists several hosts on ${protocolsOf(members)} port ${port}: only one host can own ${collision.listener}`,
                explanation: `Each host of a ServiceEntry is its own service, and all of them want the same match-all chain of ${collision.listener}. The hostname that sorts first keeps it; connections to the other hosts go there too. Istio's validation rejects several hosts on a non-HTTP, non-TLS port unless resolution is NONE (where traffic is passed through to its original IP).`,
                fixes: [
                    'Split the entry into one ServiceEntry per host, each with its own `spec.addresses` (the listener then binds that IP). Cost: one IP per host to own.',
                    `Declare port ${port} as \`protocol: TLS\` if clients send SNI: one SNI chain per host. Cost: TLS clients only.`,
                    'Use `resolution: NONE` if the hosts need no DNS resolution by the proxy. Cost: no load balancing or TLS origination by Envoy.',
                ],
            };
        case 'well-known-port-protocol':
            return {
                title: `${hostsOf(losers)} port ${port} is ignored: it disagrees in protocol with ${collision.listener}'s ${protocolsOf(winners.length > 0 ? winners : open)}`,
                explanation: `MONGO and MYSQL ports cannot share a listener with any other protocol: Istio ignores the later port entirely (isConflictWithWellKnownPort) and only logs a warning. ${winnerSentence(winners, open, losers)} Clients in ${who} reach nothing of ${hostsOf(losers)} on port ${port} through its own entry.`,
                fixes: [
                    `Declare the same protocol on every entry of port ${port} (all ${protocolsOf(winners.length > 0 ? winners : open)}, or all TCP). Cost: none, if the protocol was chosen by habit. They may then still collide as TCP: give each its own address.`,
                    'Give the entries distinct `spec.addresses` so each gets its own listener. Cost: an IP per entry.',
                    `Move one of them to another port. Cost: every client of it changes.`,
                ],
            };
        case 'tcp-captures-tls-port': {
            const tcp = members.filter((m) => m.units.some((u) => u.chain !== 'tls'));
            const tls = members.filter((m) => m.units.every((u) => u.chain === 'tls'));
            return {
                title: `${hostsOf(tcp)} takes every connection on ${collision.listener} that no TLS entry claims by SNI`,
                explanation: `${hostsOf(tls)} ${tls.length > 1 ? 'are' : 'is'} matched by SNI on ${collision.listener}, and ${hostsOf(tcp)} adds a match-all TCP chain there, which becomes the listener's default. Every connection from ${who} on port ${port} whose SNI names no TLS entry — clients without SNI, and every external host reached by passthrough, even those REGISTRY_ONLY would block — is proxied to ${hostsOf(tcp)}.`,
                fixes: [
                    `Declare ${hostsOf(tcp)} port ${port} as \`protocol: TLS\` too, if its clients send SNI. Cost: TLS clients only.`,
                    `Give ${hostsOf(tcp)} its own \`spec.addresses\` so its chain moves to an IP listener. Cost: an IP to own, that clients must connect to.`,
                    'Narrow its `exportTo` to the namespaces that use it. Cost: other namespaces lose the entry.',
                ],
            };
        }
        case 'http-tcp-sniffing':
            return {
                title: `${collision.listener} mixes HTTP (${hostsOf(winners)}) and TCP (${hostsOf(losers)}): Envoy sniffs every connection`,
                explanation: `HTTP entries always use the wildcard listener, routed by Host. With ${hostsOf(losers)} declared TCP on the same port, Istio merges them into a sniffing listener: plaintext HTTP goes to the HTTP routes by Host header, everything else to the TCP chain. Clients of ${hostsOf(losers)} that speak plaintext HTTP no longer reach it through its TCP chain.`,
                fixes: [
                    `Declare ${hostsOf(losers)} as HTTP if it speaks HTTP: it is then routed by Host like the others. Cost: none for HTTP traffic.`,
                    `Give ${hostsOf(losers)} its own \`spec.addresses\`. Cost: an IP to own.`,
                    'Move it to another port. Cost: every client changes.',
                ],
            };
        case 'cidr-overlap':
            return {
                title: `CIDRs on ${collision.listener} overlap: ${hostsOf(winners)} takes the addresses inside ${hostsOf(losers)}'s range`,
                explanation: `Both CIDR chains stay on ${collision.listener}; Envoy picks the longest matching prefix, so connections to addresses inside the narrower range go to ${hostsOf(winners)}, not ${hostsOf(losers)}.`,
                fixes: ['If the overlap is unintended, make the ranges disjoint. Cost: none if the ranges were too wide.'],
            };
        case 'same-host':
            return {
                title: `${[...new Set(members.flatMap((m) => [...m.hosts]))].join(', ')} port ${port} is defined by ${members.length} ServiceEntries`,
                explanation: `A sidecar keeps one service per hostname: the first one processed (ports of later entries in the same namespace are merged in, but a port number it already has is not). ${winnerSentence(winners, open, losers)} All entries point at the same cluster ${collision.listener}, so this is not a listener collision, but settings of the later entries (protocol, resolution, endpoints) do not apply.${protocolsOf(members).includes(',') ? ` The entries disagree on the protocol (${protocolsOf(members)}), which Istio reports as IST0177.` : ''}${mesh.autoAllocate ? ' With IP auto-allocation each entry may get its own VIP for this host (istio/istio#53676), so clients can resolve different addresses.' : ''}`,
                fixes: ['Consolidate into one ServiceEntry per host (list every port there). Cost: none; one place to edit.'],
            };
    }
}
/** A NONE winner's cluster is ORIGINAL_DST: shadowed traffic still reaches its IP, only policy and telemetry go astray. */
function passthroughNote(winners) {
    if (winners.length === 0 || !winners.every((w) => w.entry.resolution === 'NONE'))
        return '';
    return 'The winner has resolution NONE, so its cluster forwards each connection to its original destination IP: the other hosts are still reached, but their DestinationRules, telemetry and authorization apply to the winner instead.';
}
function winnerSentence(winners, open, losers) {
    if (winners.length > 0) {
        const shown = winners.slice(0, 3).map((w) => `${entryRef(w.entry)} (${describeHosts([w])}) wins ${whyFirst(w, losers)}`);
        return `${shown.join('; ')}${winners.length > 3 ? `; and ${winners.length - 3} more entries for the same host` : ''}.`;
    }
    if (open.length > 0) {
        return `Which of ${refList(open)} wins depends on creation order, which the manifests do not record: the entry created first (older creationTimestamp) takes it, and with equal timestamps the hostname that sorts first. Either way only one of them gets the traffic.`;
    }
    return '';
}
function refList(members) {
    const shown = members.slice(0, 5).map((m) => entryRef(m.entry)).join(', ');
    return members.length > 5 ? `${shown} and ${members.length - 5} more` : shown;
}
/** The rule of Istio's processing order that put this entry first. */
function whyFirst(winner, losers) {
    if (losers.some((l) => l.bestTier > winner.bestTier)) {
        return winner.bestTier === 0
            ? `in namespace ${winner.entry.namespace} because it is exported only there, and private entries are processed before public ones`
            : 'because entries exported to a namespace by name are processed before public ones';
    }
    if (losers.some((l) => l.age.generation > winner.age.generation)) {
        return 'because it already exists: entries created by this change are younger, and Istio processes the oldest first';
    }
    const t = winner.age.timestamp;
    if (t !== undefined && losers.some((l) => l.age.timestamp !== undefined && l.age.timestamp > t)) {
        return `because it was created first (creationTimestamp ${new Date(t * 1000).toISOString()})`;
    }
    if (losers.every((l) => l.entry === winner.entry))
        return 'because its hostname sorts first among the entry\'s hosts';
    return 'because, created in the same second, its hostname sorts first';
}
function shadowFixes(port, victims, tls, mesh) {
    const names = describeHosts(victims);
    const address = `Give ${names} its own \`spec.addresses\` (its real IP, or a reserved VIP its clients resolve through DNS capture): its chain moves to the listener <ip>_${port}. Cost: an address to own; with DNS resolution the IP is only the listener's key, so clients must actually connect to it.`;
    const sni = `Declare port ${port} of ${names} as \`protocol: TLS\` (clients send SNI for HTTPS): Envoy then matches each host by SNI on 0.0.0.0_${port} and they coexist. Cost: TLS clients with SNI only; Envoy no longer sees plaintext, so no TLS origination for this port.`;
    const scope = `Narrow \`exportTo\` of ${names} (e.g. \`["."]\`) or use Sidecar egress hosts, so that no workload sees both. Cost: other namespaces lose the entry.`;
    const autoAllocate = 'Turn on DNS capture with IP auto-allocation for the consumers (ISTIO_META_DNS_CAPTURE and ISTIO_META_DNS_AUTO_ALLOCATE, or Istio 1.25+ allocation plus DNS capture): each eligible entry gets its own VIP and listener. Cost: a mesh-wide proxy change; entries with resolution NONE or wildcard hosts are not covered.';
    const move = `Serve ${names} on another port. Cost: every client changes.`;
    if (tls)
        return [address.replace('its own', 'a distinct'), `Remove \`spec.addresses\` so the TLS chains are matched by SNI on 0.0.0.0_${port}. Cost: none if clients send SNI.`, scope];
    const fixes = TLS_PORTS.has(port) ? [sni, address, scope] : [address, scope, sni];
    if (!mesh.autoAllocate)
        fixes.push(autoAllocate);
    fixes.push(move);
    return fixes;
}
function bindingOf(collision) {
    return collision.subKey.startsWith('|') && collision.subKey.length > 1 ? `the same CIDR ${collision.subKey.slice(1)}` : collision.listener.startsWith('0.0.0.0_') ? 'no spec.addresses' : 'the same address';
}
function audience(classes) {
    const named = classes.filter((c) => c !== OTHER_NAMESPACES);
    const others = classes.includes(OTHER_NAMESPACES);
    if (named.length === 0)
        return 'every namespace';
    return others ? `every namespace (${named.join(', ')} included)` : `namespace${named.length > 1 ? 's' : ''} ${named.join(', ')}`;
}
/** The first three hosts and how many entries are left: enough to recognise, cheap for 100k entries. */
function describeHosts(members) {
    const shown = [];
    let used = 0;
    for (const m of members) {
        if (shown.length >= 3)
            break;
        used++;
        for (const h of m.hosts)
            if (shown.length < 3 && !shown.includes(h))
                shown.push(h);
    }
    const rest = members.length - used;
    return rest > 0 ? `${shown.join(', ')} and the hosts of ${rest} more entr${rest === 1 ? 'y' : 'ies'}` : shown.join(', ');
}
function protocolsOf(members) {
    const list = [...new Set(members.flatMap((m) => m.units.map((u) => u.port.protocol || 'unset')))].sort();
    return list.join(', ');
}

/** Turns a merged collision into the finding people read and machines compare. */
function toFinding(collision, mesh) {
    const members = [...collision.members.values()].sort(compareMembers);
    // One collision can hold 100k entries: every per-entry step below stays linear.
    const entries = members.map(toFindingEntry);
    const severity = severityOf(collision, members, mesh);
    const text = explain(collision, members, mesh);
    return {
        id: fingerprint(`${collision.rule}|${collision.listener}|${collision.subKey}`),
        membersFingerprint: fingerprint(entries.map((e) => `${e.ref}|${e.hosts.join(',')}|${e.role}`).join('\n')),
        rule: collision.rule,
        severity,
        listener: collision.listener,
        port: collision.port,
        protocols: [...new Set(members.flatMap((m) => m.units.map((u) => displayProtocol(u.port.protocol))))].sort(),
        namespaces: sortNamespaces(collision.consumerClasses),
        entries,
        ...text,
    };
}
function toFindingEntry(member) {
    const firstUnit = member.units[0];
    return {
        ref: entryRef(member.entry),
        name: member.entry.name,
        namespace: member.entry.namespace,
        hosts: [...member.hosts].sort(),
        protocol: displayProtocol(firstUnit.port.protocol),
        role: roleOf(member),
        winsFor: sortNamespaces(member.winsFor),
        losesFor: sortNamespaces(member.losesFor),
        location: member.entry.location,
        portLocation: firstUnit.port.location,
    };
}
function severityOf(collision, members, mesh) {
    switch (collision.rule) {
        case 'tcp-shadowed': {
            // A passthrough (NONE) winner forwards to the original IP: traffic arrives, only policy and telemetry go astray.
            const possibleWinners = members.filter((m) => roleOf(m) !== 'shadowed');
            return possibleWinners.length > 0 && possibleWinners.every((m) => m.entry.resolution === 'NONE') ? 'warning' : 'error';
        }
        case 'multi-host-tcp':
            return members.every((m) => m.entry.resolution === 'NONE') ? 'info' : 'error';
        case 'tls-shadowed':
        case 'well-known-port-protocol':
            return 'error';
        case 'tcp-captures-tls-port':
        case 'http-tcp-sniffing':
            return 'warning';
        case 'cidr-overlap':
            return 'info';
        case 'same-host': {
            const protocols = new Set(members.flatMap((m) => m.units.map((u) => u.port.protocol)));
            return protocols.size > 1 || mesh.autoAllocate ? 'warning' : 'info';
        }
    }
}
function compareFindings(a, b) {
    return SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.port - b.port || a.listener.localeCompare(b.listener) || a.id.localeCompare(b.id);
}
function compareMembers(a, b) {
    const rank = { winner: 0, undetermined: 1, shadowed: 2 };
    return rank[roleOf(a)] - rank[roleOf(b)] || entryRef(a.entry).localeCompare(entryRef(b.entry));
}
/** `*` (every other namespace) last, the named ones sorted before it. */
function sortNamespaces(namespaces) {
    const list = [...new Set(namespaces)];
    return list.filter((n) => n !== OTHER_NAMESPACES).sort().concat(list.includes(OTHER_NAMESPACES) ? [OTHER_NAMESPACES] : []);
}
function fingerprint(text) {
    return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

function getDefaultExportFromCjs (x) {
	return x && x.__esModule && Object.prototype.hasOwnProperty.call(x, 'default') ? x['default'] : x;
}

var ipaddr$2 = {exports: {}};

var ipaddr$1 = ipaddr$2.exports;

var hasRequiredIpaddr;

function requireIpaddr () {
	if (hasRequiredIpaddr) return ipaddr$2.exports;
	hasRequiredIpaddr = 1;
	(function (module) {
		(function (root) {
		    // A list of regular expressions that match arbitrary IPv4 addresses,
		    // for which a number of weird notations exist.
		    // Note that an address like 0010.0xa5.1.1 is considered legal.
		    const ipv4Part = '(0?\\d+|0x[a-f0-9]+)';
		    const ipv4Regexes = {
		        fourOctet: new RegExp(`^${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}$`, 'i'),
		        threeOctet: new RegExp(`^${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}$`, 'i'),
		        twoOctet: new RegExp(`^${ipv4Part}\\.${ipv4Part}$`, 'i'),
		        longValue: new RegExp(`^${ipv4Part}$`, 'i')
		    };

		    // Regular Expression for checking Octal numbers
		    const octalRegex = new RegExp(`^0[0-7]+$`, 'i');
		    const hexRegex = new RegExp(`^0x[a-f0-9]+$`, 'i');

		    const zoneIndex = '%[0-9a-z]{1,}';

		    // IPv6-matching regular expressions.
		    // For IPv6, the task is simpler: it is enough to match the colon-delimited
		    // hexadecimal IPv6 and a transitional variant with dotted-decimal IPv4 at
		    // the end.
		    const ipv6Part = '(?:[0-9a-f]+::?)+';
		    const ipv6Regexes = {
		        zoneIndex: new RegExp(zoneIndex, 'i'),
		        'native': new RegExp(`^(::)?(${ipv6Part})?([0-9a-f]+)?(::)?(${zoneIndex})?$`, 'i'),
		        deprecatedTransitional: new RegExp(`^(?:::)(${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}(${zoneIndex})?)$`, 'i'),
		        transitional: new RegExp(`^((?:${ipv6Part})|(?:::)(?:${ipv6Part})?)${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}(${zoneIndex})?$`, 'i')
		    };

		    // Expand :: in an IPv6 address or address part consisting of `parts` groups.
		    function expandIPv6 (string, parts) {
		        // More than one '::' means invalid address
		        if (string.indexOf('::') !== string.lastIndexOf('::')) {
		            return null;
		        }

		        let colonCount = 0;
		        let lastColon = -1;
		        let zoneId = (string.match(ipv6Regexes.zoneIndex) || [])[0];
		        let replacement, replacementCount;

		        // Remove zone index and save it for later
		        if (zoneId) {
		            zoneId = zoneId.substring(1);
		            string = string.replace(/%.+$/, '');
		        }

		        // How many parts do we already have?
		        while ((lastColon = string.indexOf(':', lastColon + 1)) >= 0) {
		            colonCount++;
		        }

		        // 0::0 is two parts more than ::
		        if (string.substr(0, 2) === '::') {
		            colonCount--;
		        }

		        if (string.substr(-2, 2) === '::') {
		            colonCount--;
		        }

		        // An address must not contain more separators than available parts,
		        // and :: must compress at least one part.
		        if (colonCount >= parts) {
		            return null;
		        }

		        // replacement = ':' + '0:' * (parts - colonCount)
		        replacementCount = parts - colonCount;
		        replacement = ':';
		        while (replacementCount--) {
		            replacement += '0:';
		        }

		        // Insert the missing zeroes
		        string = string.replace('::', replacement);

		        // Trim any garbage which may be hanging around if :: was at the edge in
		        // the source string
		        if (string[0] === ':') {
		            string = string.slice(1);
		        }

		        if (string[string.length - 1] === ':') {
		            string = string.slice(0, -1);
		        }

		        parts = (function () {
		            const ref = string.split(':');
		            const results = [];

		            for (let i = 0; i < ref.length; i++) {
		                results.push(ref[i].length > 4 ? NaN : parseInt(ref[i], 16));
		            }

		            return results;
		        })();

		        return {
		            parts: parts,
		            zoneId: zoneId
		        };
		    }

		    // A generic CIDR (Classless Inter-Domain Routing) RFC1518 range matcher.
		    function matchCIDR (first, second, partSize, cidrBits) {
		        if (first.length !== second.length) {
		            throw new Error('ipaddr: cannot match CIDR for objects with different lengths');
		        }

		        let part = 0;
		        let shift;

		        while (cidrBits > 0) {
		            shift = partSize - cidrBits;
		            if (shift < 0) {
		                shift = 0;
		            }

		            if (first[part] >> shift !== second[part] >> shift) {
		                return false;
		            }

		            cidrBits -= partSize;
		            part += 1;
		        }

		        return true;
		    }

		    function parseIntAuto (string) {
		        // Hexadecimal base 16 (0x#)
		        if (hexRegex.test(string)) {
		            return parseInt(string, 16);
		        }
		        // While octal representation is discouraged by ECMAScript 3
		        // and forbidden by ECMAScript 5, we silently allow it to
		        // work only if the rest of the string has numbers less than 8.
		        if (string[0] === '0' && !isNaN(parseInt(string[1], 10))) {
		        if (octalRegex.test(string)) {
		            return parseInt(string, 8);
		        }
		            throw new Error(`ipaddr: cannot parse ${string} as octal`);
		        }
		        // Always include the base 10 radix!
		        return parseInt(string, 10);
		    }

		    function padPart (part, length) {
		        while (part.length < length) {
		            part = `0${part}`;
		        }

		        return part;
		    }

		    const ipaddr = {};

		    // An IPv4 address (RFC791).
		    ipaddr.IPv4 = (function () {
		        // Constructs a new IPv4 address from an array of four octets
		        // in network order (MSB first)
		        // Verifies the input.
		        function IPv4 (octets) {
		            if (octets.length !== 4) {
		                throw new Error('ipaddr: ipv4 octet count should be 4');
		            }

		            let i, octet;

		            for (i = 0; i < octets.length; i++) {
		                octet = octets[i];
		                if (!((0 <= octet && octet <= 255))) {
		                    throw new Error('ipaddr: ipv4 octet should fit in 8 bits');
		                }
		            }

		            this.octets = octets;
		        }

		        // Special IPv4 address ranges.
		        // See also https://en.wikipedia.org/wiki/Reserved_IP_addresses
		        IPv4.prototype.SpecialRanges = {
		            unspecified: [[new IPv4([0, 0, 0, 0]), 8]],
		            broadcast: [[new IPv4([255, 255, 255, 255]), 32]],
		            // RFC3171
		            multicast: [[new IPv4([224, 0, 0, 0]), 4]],
		            // RFC3927
		            linkLocal: [[new IPv4([169, 254, 0, 0]), 16]],
		            // RFC5735
		            loopback: [[new IPv4([127, 0, 0, 0]), 8]],
		            // RFC6598
		            carrierGradeNat: [[new IPv4([100, 64, 0, 0]), 10]],
		            // RFC1918
		            'private': [
		                [new IPv4([10, 0, 0, 0]), 8],
		                [new IPv4([172, 16, 0, 0]), 12],
		                [new IPv4([192, 168, 0, 0]), 16]
		            ],
		            // Reserved and testing-only ranges; RFCs 5735, 5737, 2544, 1700
		            reserved: [
		                [new IPv4([192, 0, 0, 0]), 24],
		                [new IPv4([192, 0, 2, 0]), 24],
		                [new IPv4([192, 88, 99, 0]), 24],
		                [new IPv4([198, 18, 0, 0]), 15],
		                [new IPv4([198, 51, 100, 0]), 24],
		                [new IPv4([203, 0, 113, 0]), 24],
		                [new IPv4([240, 0, 0, 0]), 4]
		            ],
		            // RFC7534, RFC7535
		            as112: [
		                [new IPv4([192, 175, 48, 0]), 24],
		                [new IPv4([192, 31, 196, 0]), 24],
		            ],
		            // RFC7450
		            amt: [
		                [new IPv4([192, 52, 193, 0]), 24],
		            ],
		        };

		        // The 'kind' method exists on both IPv4 and IPv6 classes.
		        IPv4.prototype.kind = function () {
		            return 'ipv4';
		        };

		        // Checks if this address matches other one within given CIDR range.
		        IPv4.prototype.match = function (other, cidrRange) {
		            let ref;
		            if (cidrRange === undefined) {
		                ref = other;
		                other = ref[0];
		                cidrRange = ref[1];
		            }

		            if (other.kind() !== 'ipv4') {
		                throw new Error('ipaddr: cannot match ipv4 address with non-ipv4 one');
		            }

		            return matchCIDR(this.octets, other.octets, 8, cidrRange);
		        };

		        // returns a number of leading ones in IPv4 address, making sure that
		        // the rest is a solid sequence of 0's (valid netmask)
		        // returns either the CIDR length or null if mask is not valid
		        IPv4.prototype.prefixLengthFromSubnetMask = function () {
		            let cidr = 0;
		            // non-zero encountered stop scanning for zeroes
		            let stop = false;
		            // number of zeroes in octet
		            const zerotable = {
		                0: 8,
		                128: 7,
		                192: 6,
		                224: 5,
		                240: 4,
		                248: 3,
		                252: 2,
		                254: 1,
		                255: 0
		            };
		            let i, octet, zeros;

		            for (i = 3; i >= 0; i -= 1) {
		                octet = this.octets[i];
		                if (octet in zerotable) {
		                    zeros = zerotable[octet];
		                    if (stop && zeros !== 0) {
		                        return null;
		                    }

		                    if (zeros !== 8) {
		                        stop = true;
		                    }

		                    cidr += zeros;
		                } else {
		                    return null;
		                }
		            }

		            return 32 - cidr;
		        };

		        // Checks if the address corresponds to one of the special ranges.
		        IPv4.prototype.range = function () {
		            return ipaddr.subnetMatch(this, this.SpecialRanges);
		        };

		        // Returns an array of byte-sized values in network order (MSB first)
		        IPv4.prototype.toByteArray = function () {
		            return this.octets.slice(0);
		        };

		        // Converts this IPv4 address to an IPv4-mapped IPv6 address.
		        IPv4.prototype.toIPv4MappedAddress = function () {
		            return ipaddr.IPv6.parse(`::ffff:${this.toString()}`);
		        };

		        // Symmetrical method strictly for aligning with the IPv6 methods.
		        IPv4.prototype.toNormalizedString = function () {
		            return this.toString();
		        };

		        // Returns the address in convenient, decimal-dotted format.
		        IPv4.prototype.toString = function () {
		            return this.octets.join('.');
		        };

		        return IPv4;
		    })();

		    // A utility function to return broadcast address given the IPv4 interface and prefix length in CIDR notation
		    ipaddr.IPv4.broadcastAddressFromCIDR = function (string) {

		        try {
		            const cidr = this.parseCIDR(string);
		            const ipInterfaceOctets = cidr[0].toByteArray();
		            const subnetMaskOctets = this.subnetMaskFromPrefixLength(cidr[1]).toByteArray();
		            const octets = [];
		            let i = 0;
		            while (i < 4) {
		                // Broadcast address is bitwise OR between ip interface and inverted mask
		                octets.push(parseInt(ipInterfaceOctets[i], 10) | parseInt(subnetMaskOctets[i], 10) ^ 255);
		                i++;
		            }

		            return new this(octets);
		        } catch (e) {
		            throw new Error('ipaddr: the address does not have IPv4 CIDR format', { cause: e });
		        }
		    };

		    // Checks if a given string is formatted like IPv4 address.
		    ipaddr.IPv4.isIPv4 = function (string) {
		        return this.parser(string) !== null;
		    };

		    // Checks if a given string is a valid IPv4 address.
		    ipaddr.IPv4.isValid = function (string) {
		        try {
		            new this(this.parser(string));
		            return true;
		        } catch {
		            return false;
		        }
		    };

		    // Checks if a given string is a valid IPv4 address in CIDR notation.
		    ipaddr.IPv4.isValidCIDR = function (string) {
		        try {
		            this.parseCIDR(string);
		            return true;
		        } catch {
		            return false;
		        }
		    };

		    // Checks if a given string is a full four-part IPv4 Address.
		    ipaddr.IPv4.isValidFourPartDecimal = function (string) {
		        if (ipaddr.IPv4.isValid(string) && string.match(/^(0|[1-9]\d*)(\.(0|[1-9]\d*)){3}$/)) {
		            return true;
		        } else {
		            return false;
		        }
		    };

		    // Checks if a given string is a full four-part IPv4 Address with CIDR prefix.
		    ipaddr.IPv4.isValidCIDRFourPartDecimal = function (string) {
		        const match = string.match(/^(.+)\/(\d+)$/);

		        if (!ipaddr.IPv4.isValidCIDR(string) || !match) {
		            return false;
		        }

		        return ipaddr.IPv4.isValidFourPartDecimal(match[1]);
		    };

		    // A utility function to return network address given the IPv4 interface and prefix length in CIDR notation
		    ipaddr.IPv4.networkAddressFromCIDR = function (string) {
		        let cidr, i, ipInterfaceOctets, octets, subnetMaskOctets;

		        try {
		            cidr = this.parseCIDR(string);
		            ipInterfaceOctets = cidr[0].toByteArray();
		            subnetMaskOctets = this.subnetMaskFromPrefixLength(cidr[1]).toByteArray();
		            octets = [];
		            i = 0;
		            while (i < 4) {
		                // Network address is bitwise AND between ip interface and mask
		                octets.push(parseInt(ipInterfaceOctets[i], 10) & parseInt(subnetMaskOctets[i], 10));
		                i++;
		            }

		            return new this(octets);
		        } catch (e) {
		            throw new Error('ipaddr: the address does not have IPv4 CIDR format', { cause: e });
		        }
		    };

		    // Tries to parse and validate a string with IPv4 address.
		    // Throws an error if it fails.
		    ipaddr.IPv4.parse = function (string) {
		        const parts = this.parser(string);

		        if (parts === null) {
		            throw new Error('ipaddr: string is not formatted like an IPv4 Address');
		        }

		        return new this(parts);
		    };

		    // Parses the string as an IPv4 Address with CIDR Notation.
		    ipaddr.IPv4.parseCIDR = function (string) {
		        let match;

		        if ((match = string.match(/^(.+)\/(\d+)$/))) {
		            const maskLength = parseInt(match[2]);
		            if (maskLength >= 0 && maskLength <= 32) {
		                const parsed = [this.parse(match[1]), maskLength];
		                Object.defineProperty(parsed, 'toString', {
		                    value: function () {
		                        return this.join('/');
		                    }
		                });
		                return parsed;
		            }
		        }

		        throw new Error('ipaddr: string is not formatted like an IPv4 CIDR range');
		    };

		    // Classful variants (like a.b, where a is an octet, and b is a 24-bit
		    // value representing last three octets; this corresponds to a class C
		    // address) are omitted due to classless nature of modern Internet.
		    ipaddr.IPv4.parser = function (string) {
		        let match, part, value;

		        // parseInt recognizes all that octal & hexadecimal weirdness for us
		        if ((match = string.match(ipv4Regexes.fourOctet))) {
		            return (function () {
		                const ref = match.slice(1, 6);
		                const results = [];

		                for (let i = 0; i < ref.length; i++) {
		                    part = ref[i];
		                    results.push(parseIntAuto(part));
		                }

		                return results;
		            })();
		        } else if ((match = string.match(ipv4Regexes.longValue))) {
		            value = parseIntAuto(match[1]);
		            if (value > 0xffffffff || value < 0) {
		                throw new Error('ipaddr: address outside defined range');
		            }

		            return ((function () {
		                const results = [];
		                let shift;

		                for (shift = 0; shift <= 24; shift += 8) {
		                    results.push((value >> shift) & 0xff);
		                }

		                return results;
		            })()).reverse();
		        } else if ((match = string.match(ipv4Regexes.twoOctet))) {
		            return (function () {
		                const ref = match.slice(1, 4);
		                const results = [];

		                value = parseIntAuto(ref[1]);
		                if (value > 0xffffff || value < 0) {
		                    throw new Error('ipaddr: address outside defined range');
		                }

		                results.push(parseIntAuto(ref[0]));
		                results.push((value >> 16) & 0xff);
		                results.push((value >>  8) & 0xff);
		                results.push( value        & 0xff);

		                return results;
		            })();
		        } else if ((match = string.match(ipv4Regexes.threeOctet))) {
		            return (function () {
		                const ref = match.slice(1, 5);
		                const results = [];

		                value = parseIntAuto(ref[2]);
		                if (value > 0xffff || value < 0) {
		                    throw new Error('ipaddr: address outside defined range');
		                }

		                results.push(parseIntAuto(ref[0]));
		                results.push(parseIntAuto(ref[1]));
		                results.push((value >> 8) & 0xff);
		                results.push( value       & 0xff);

		                return results;
		            })();
		        } else {
		            return null;
		        }
		    };

		    // A utility function to return subnet mask in IPv4 format given the prefix length
		    ipaddr.IPv4.subnetMaskFromPrefixLength = function (prefix) {
		        prefix = parseInt(prefix);
		        if (Number.isNaN(prefix) || prefix < 0 || prefix > 32) {
		            throw new Error('ipaddr: invalid IPv4 prefix length');
		        }

		        const octets = [0, 0, 0, 0];
		        let j = 0;
		        const filledOctetCount = Math.floor(prefix / 8);

		        while (j < filledOctetCount) {
		            octets[j] = 255;
		            j++;
		        }

		        if (filledOctetCount < 4) {
		            octets[filledOctetCount] = Math.pow(2, prefix % 8) - 1 << 8 - (prefix % 8);
		        }

		        return new this(octets);
		    };

		    // An IPv6 address (RFC2460)
		    ipaddr.IPv6 = (function () {
		        // Constructs an IPv6 address from an array of eight 16 - bit parts
		        // or sixteen 8 - bit parts in network order(MSB first).
		        // Throws an error if the input is invalid.
		        function IPv6 (parts, zoneId) {
		            let i, part;

		            if (parts.length === 16) {
		                this.parts = [];
		                for (i = 0; i <= 14; i += 2) {
		                    this.parts.push((parts[i] << 8) | parts[i + 1]);
		                }
		            } else if (parts.length === 8) {
		                this.parts = parts;
		            } else {
		                throw new Error('ipaddr: ipv6 part count should be 8 or 16');
		            }

		            for (i = 0; i < this.parts.length; i++) {
		                part = this.parts[i];
		                if (!((0 <= part && part <= 0xffff))) {
		                    throw new Error('ipaddr: ipv6 part should fit in 16 bits');
		                }
		            }

		            if (zoneId) {
		                this.zoneId = zoneId;
		            }
		        }

		        // Special IPv6 ranges
		        IPv6.prototype.SpecialRanges = {
		            // RFC4291, here and after
		            unspecified: [new IPv6([0, 0, 0, 0, 0, 0, 0, 0]), 128],
		            linkLocal: [new IPv6([0xfe80, 0, 0, 0, 0, 0, 0, 0]), 10],
		            multicast: [new IPv6([0xff00, 0, 0, 0, 0, 0, 0, 0]), 8],
		            loopback: [new IPv6([0, 0, 0, 0, 0, 0, 0, 1]), 128],
		            uniqueLocal: [new IPv6([0xfc00, 0, 0, 0, 0, 0, 0, 0]), 7],
		            ipv4Mapped: [new IPv6([0, 0, 0, 0, 0, 0xffff, 0, 0]), 96],
		            // RFC3879
		            deprecatedSiteLocal: [new IPv6([0xfec0, 0, 0, 0, 0, 0, 0, 0]), 10],
		            // RFC6666
		            discard: [new IPv6([0x100, 0, 0, 0, 0, 0, 0, 0]), 64],
		            // RFC6145
		            rfc6145: [new IPv6([0, 0, 0, 0, 0xffff, 0, 0, 0]), 96],
		            rfc6052: [
		                // RFC6052
		                [new IPv6([0x64, 0xff9b, 0, 0, 0, 0, 0, 0]), 96],
		                // RFC8215
		                [new IPv6([0x64, 0xff9b, 0x1, 0, 0, 0, 0, 0]), 48],
		            ],
		            // RFC3056
		            '6to4': [new IPv6([0x2002, 0, 0, 0, 0, 0, 0, 0]), 16],
		            // RFC6052, RFC6146
		            teredo: [new IPv6([0x2001, 0, 0, 0, 0, 0, 0, 0]), 32],
		            // RFC5180
		            benchmarking: [new IPv6([0x2001, 0x2, 0, 0, 0, 0, 0, 0]), 48],
		            // RFC7450
		            amt: [new IPv6([0x2001, 0x3, 0, 0, 0, 0, 0, 0]), 32],
		            as112v6: [
		                // RFC7535
		                [new IPv6([0x2001, 0x4, 0x112, 0, 0, 0, 0, 0]), 48],
		                // RFC7534
		                [new IPv6([0x2620, 0x4f, 0x8000, 0, 0, 0, 0, 0]), 48],
		            ],
		            // RFC4843
		            deprecatedOrchid: [new IPv6([0x2001, 0x10, 0, 0, 0, 0, 0, 0]), 28],
		            // RFC7343
		            orchid2: [new IPv6([0x2001, 0x20, 0, 0, 0, 0, 0, 0]), 28],
		            // RFC9374
		            droneRemoteIdProtocolEntityTags: [new IPv6([0x2001, 0x30, 0, 0, 0, 0, 0, 0]), 28],
		            // RFC9602
		            segmentRouting: [new IPv6([0x5f00, 0, 0, 0, 0, 0, 0, 0]), 16],
		            reserved: [
		                // RFC3849
		                [new IPv6([0x2001, 0, 0, 0, 0, 0, 0, 0]), 23],
		                // RFC2928
		                [new IPv6([0x2001, 0xdb8, 0, 0, 0, 0, 0, 0]), 32],
		                // RFC9637
		                [new IPv6([0x3fff, 0, 0, 0, 0, 0, 0, 0]), 20],
		            ],
		        };

		        // Checks if this address is an IPv4-mapped IPv6 address.
		        IPv6.prototype.isIPv4MappedAddress = function () {
		            return this.range() === 'ipv4Mapped';
		        };

		        // The 'kind' method exists on both IPv4 and IPv6 classes.
		        IPv6.prototype.kind = function () {
		            return 'ipv6';
		        };

		        // Checks if this address matches other one within given CIDR range.
		        IPv6.prototype.match = function (other, cidrRange) {
		            let ref;

		            if (cidrRange === undefined) {
		                ref = other;
		                other = ref[0];
		                cidrRange = ref[1];
		            }

		            if (other.kind() !== 'ipv6') {
		                throw new Error('ipaddr: cannot match ipv6 address with non-ipv6 one');
		            }

		            return matchCIDR(this.parts, other.parts, 16, cidrRange);
		        };

		        // returns a number of leading ones in IPv6 address, making sure that
		        // the rest is a solid sequence of 0's (valid netmask)
		        // returns either the CIDR length or null if mask is not valid
		        IPv6.prototype.prefixLengthFromSubnetMask = function () {
		            let cidr = 0;
		            // non-zero encountered stop scanning for zeroes
		            let stop = false;
		            // number of zeroes in octet
		            const zerotable = {
		                0: 16,
		                32768: 15,
		                49152: 14,
		                57344: 13,
		                61440: 12,
		                63488: 11,
		                64512: 10,
		                65024: 9,
		                65280: 8,
		                65408: 7,
		                65472: 6,
		                65504: 5,
		                65520: 4,
		                65528: 3,
		                65532: 2,
		                65534: 1,
		                65535: 0
		            };
		            let part, zeros;

		            for (let i = 7; i >= 0; i -= 1) {
		                part = this.parts[i];
		                if (part in zerotable) {
		                    zeros = zerotable[part];
		                    if (stop && zeros !== 0) {
		                        return null;
		                    }

		                    if (zeros !== 16) {
		                        stop = true;
		                    }

		                    cidr += zeros;
		                } else {
		                    return null;
		                }
		            }

		            return 128 - cidr;
		        };


		        // Checks if the address corresponds to one of the special ranges.
		        IPv6.prototype.range = function () {
		            return ipaddr.subnetMatch(this, this.SpecialRanges);
		        };

		        // Returns an array of byte-sized values in network order (MSB first)
		        IPv6.prototype.toByteArray = function () {
		            let part;
		            const bytes = [];
		            const ref = this.parts;
		            for (let i = 0; i < ref.length; i++) {
		                part = ref[i];
		                bytes.push(part >> 8);
		                bytes.push(part & 0xff);
		            }

		            return bytes;
		        };

		        // Returns the address in expanded format with all zeroes included, like
		        // 2001:0db8:0008:0066:0000:0000:0000:0001
		        IPv6.prototype.toFixedLengthString = function () {
		            const addr = ((function () {
		                const results = [];
		                for (let i = 0; i < this.parts.length; i++) {
		                    results.push(padPart(this.parts[i].toString(16), 4));
		                }

		                return results;
		            }).call(this)).join(':');

		            let suffix = '';

		            if (this.zoneId) {
		                suffix = `%${this.zoneId}`;
		            }

		            return addr + suffix;
		        };

		        // Converts this address to IPv4 address if it is an IPv4-mapped IPv6 address.
		        // Throws an error otherwise.
		        IPv6.prototype.toIPv4Address = function () {
		            if (!this.isIPv4MappedAddress()) {
		                throw new Error('ipaddr: trying to convert a generic ipv6 address to ipv4');
		            }

		            const ref = this.parts.slice(-2);
		            const high = ref[0];
		            const low = ref[1];

		            return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
		        };

		        // Returns the address in expanded format with all zeroes included, like
		        // 2001:db8:8:66:0:0:0:1
		        //
		        // Deprecated: use toFixedLengthString() instead.
		        IPv6.prototype.toNormalizedString = function () {
		            const addr = ((function () {
		                const results = [];

		                for (let i = 0; i < this.parts.length; i++) {
		                    results.push(this.parts[i].toString(16));
		                }

		                return results;
		            }).call(this)).join(':');

		            let suffix = '';

		            if (this.zoneId) {
		                suffix = `%${this.zoneId}`;
		            }

		            return addr + suffix;
		        };

		        // Returns the address in compact, human-readable format like
		        // 2001:db8:8:66::1
		        // in line with RFC 5952 (see https://tools.ietf.org/html/rfc5952#section-4)
		        IPv6.prototype.toRFC5952String = function () {
		            const regex = /((^|:)(0(:|$)){2,})/g;
		            // The zone identifier (RFC 4007) is not part of the address; match
		            // against the address alone so a trailing zero run right before the
		            // "%" suffix still gets compressed (RFC 5952, 4.2.2).
		            let suffix = '';
		            if (this.zoneId) {
		                suffix = `%${this.zoneId}`;
		            }
		            const normalized = this.toNormalizedString();
		            const string = normalized.slice(0, normalized.length - suffix.length);
		            let bestMatchIndex = 0;
		            let bestMatchLength = -1;
		            let bestMatchGroups = -1;
		            let match;

		            while ((match = regex.exec(string))) {
		                // Compare by the number of zero groups, not the matched length:
		                // a run that is not at the start carries a leading ":" in the
		                // match, so an equal-length run later in the address would
		                // otherwise be preferred over the leftmost one (RFC 5952, 4.2.3).
		                const groups = (match[0].match(/0/g) || []).length;
		                if (groups > bestMatchGroups) {
		                    bestMatchGroups = groups;
		                    bestMatchIndex = match.index;
		                    bestMatchLength = match[0].length;
		                }
		            }

		            if (bestMatchLength < 0) {
		                return string + suffix;
		            }

		            return `${string.substring(0, bestMatchIndex)}::${string.substring(bestMatchIndex + bestMatchLength)}${suffix}`;
		        };

		        // Returns the address in compact, human-readable format like
		        // 2001:db8:8:66::1
		        // Calls toRFC5952String under the hood.
		        IPv6.prototype.toString = function () {
		            return this.toRFC5952String();
		        };

		        return IPv6;

		    })();

		    // A utility function to return broadcast address given the IPv6 interface and prefix length in CIDR notation
		    ipaddr.IPv6.broadcastAddressFromCIDR = function (string) {
		        try {
		            const cidr = this.parseCIDR(string);
		            const ipInterfaceOctets = cidr[0].toByteArray();
		            const subnetMaskOctets = this.subnetMaskFromPrefixLength(cidr[1]).toByteArray();
		            const octets = [];
		            let i = 0;
		            while (i < 16) {
		                // Broadcast address is bitwise OR between ip interface and inverted mask
		                octets.push(parseInt(ipInterfaceOctets[i], 10) | parseInt(subnetMaskOctets[i], 10) ^ 255);
		                i++;
		            }

		            return new this(octets);
		        } catch (e) {
		            throw new Error('ipaddr: the address does not have IPv6 CIDR format', { cause: e });
		        }
		    };

		    // Checks if a given string is formatted like IPv6 address.
		    ipaddr.IPv6.isIPv6 = function (string) {
		        return this.parser(string) !== null;
		    };

		    // Checks to see if string is a valid IPv6 Address
		    ipaddr.IPv6.isValid = function (string) {

		        // Since IPv6.isValid is always called first, this shortcut
		        // provides a substantial performance gain.
		        if (typeof string === 'string' && string.indexOf(':') === -1) {
		            return false;
		        }

		        try {
		            const addr = this.parser(string);
		            new this(addr.parts, addr.zoneId);
		            return true;
		        } catch {
		            return false;
		        }
		    };

		    // Checks if a given string is a valid IPv6 address in CIDR notation.
		    ipaddr.IPv6.isValidCIDR = function (string) {

		        // See note in IPv6.isValid
		        if (typeof string === 'string' && string.indexOf(':') === -1) {
		            return false;
		        }

		        try {
		            this.parseCIDR(string);
		            return true;
		        } catch {
		            return false;
		        }
		    };

		    // A utility function to return network address given the IPv6 interface and prefix length in CIDR notation
		    ipaddr.IPv6.networkAddressFromCIDR = function (string) {
		        let cidr, i, ipInterfaceOctets, octets, subnetMaskOctets;

		        try {
		            cidr = this.parseCIDR(string);
		            ipInterfaceOctets = cidr[0].toByteArray();
		            subnetMaskOctets = this.subnetMaskFromPrefixLength(cidr[1]).toByteArray();
		            octets = [];
		            i = 0;
		            while (i < 16) {
		                // Network address is bitwise AND between ip interface and mask
		                octets.push(parseInt(ipInterfaceOctets[i], 10) & parseInt(subnetMaskOctets[i], 10));
		                i++;
		            }

		            return new this(octets);
		        } catch (e) {
		            throw new Error('ipaddr: the address does not have IPv6 CIDR format', { cause: e });
		        }
		    };

		    // Tries to parse and validate a string with IPv6 address.
		    // Throws an error if it fails.
		    ipaddr.IPv6.parse = function (string) {
		        const addr = this.parser(string);

		        if (addr === null) {
		            throw new Error('ipaddr: string is not formatted like an IPv6 Address');
		        }

		        return new this(addr.parts, addr.zoneId);
		    };

		    ipaddr.IPv6.parseCIDR = function (string) {
		        let maskLength, match, parsed;

		        if ((match = string.match(/^(.+)\/(\d+)$/))) {
		            maskLength = parseInt(match[2]);
		            if (maskLength >= 0 && maskLength <= 128) {
		                parsed = [this.parse(match[1]), maskLength];
		                Object.defineProperty(parsed, 'toString', {
		                    value: function () {
		                        return this.join('/');
		                    }
		                });
		                return parsed;
		            }
		        }

		        throw new Error('ipaddr: string is not formatted like an IPv6 CIDR range');
		    };

		    // Parse an IPv6 address.
		    ipaddr.IPv6.parser = function (string) {
		        let addr, i, match, octet, octets, zoneId;

		        if ((match = string.match(ipv6Regexes.deprecatedTransitional))) {
		            return this.parser(`::ffff:${match[1]}`);
		        }
		        if (ipv6Regexes.native.test(string)) {
		            return expandIPv6(string, 8);
		        }
		        if ((match = string.match(ipv6Regexes.transitional))) {
		            zoneId = match[6] || '';
		            addr = match[1];
		            if (!match[1].endsWith('::')) {
		                addr = addr.slice(0, -1);
		            }
		            addr = expandIPv6(addr + zoneId, 6);
		            if (addr && addr.parts) {
		                octets = [
		                    parseInt(match[2]),
		                    parseInt(match[3]),
		                    parseInt(match[4]),
		                    parseInt(match[5])
		                ];
		                for (i = 0; i < octets.length; i++) {
		                    octet = octets[i];
		                    if (!((0 <= octet && octet <= 255))) {
		                        return null;
		                    }
		                }

		                addr.parts.push(octets[0] << 8 | octets[1]);
		                addr.parts.push(octets[2] << 8 | octets[3]);
		                return {
		                    parts: addr.parts,
		                    zoneId: addr.zoneId
		                };
		            }
		        }

		        return null;
		    };

		    // A utility function to return subnet mask in IPv6 format given the prefix length
		    ipaddr.IPv6.subnetMaskFromPrefixLength = function (prefix) {
		        prefix = parseInt(prefix);
		        if (Number.isNaN(prefix) || prefix < 0 || prefix > 128) {
		            throw new Error('ipaddr: invalid IPv6 prefix length');
		        }

		        const octets = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
		        let j = 0;
		        const filledOctetCount = Math.floor(prefix / 8);

		        while (j < filledOctetCount) {
		            octets[j] = 255;
		            j++;
		        }

		        if (filledOctetCount < 16) {
		            octets[filledOctetCount] = Math.pow(2, prefix % 8) - 1 << 8 - (prefix % 8);
		        }

		        return new this(octets);
		    };

		    // Try to parse an array in network order (MSB first) for IPv4 and IPv6
		    ipaddr.fromByteArray = function (bytes) {
		        const length = bytes.length;

		        if (length === 4) {
		            return new ipaddr.IPv4(bytes);
		        } else if (length === 16) {
		            return new ipaddr.IPv6(bytes);
		        } else {
		            throw new Error('ipaddr: the binary input is neither an IPv6 nor IPv4 address');
		        }
		    };

		    // Checks if the address is valid IP address
		    ipaddr.isValid = function (string) {
		        return ipaddr.IPv6.isValid(string) || ipaddr.IPv4.isValid(string);
		    };

		    // Checks if the address is valid IP address in CIDR notation
		    ipaddr.isValidCIDR = function (string) {
		        return ipaddr.IPv6.isValidCIDR(string) || ipaddr.IPv4.isValidCIDR(string);
		    };


		    // Attempts to parse an IP Address, first through IPv6 then IPv4.
		    // Throws an error if it could not be parsed.
		    ipaddr.parse = function (string) {
		        if (ipaddr.IPv6.isValid(string)) {
		            return ipaddr.IPv6.parse(string);
		        } else if (ipaddr.IPv4.isValid(string)) {
		            return ipaddr.IPv4.parse(string);
		        } else {
		            throw new Error('ipaddr: the address has neither IPv6 nor IPv4 format');
		        }
		    };

		    // Attempt to parse CIDR notation, first through IPv6 then IPv4.
		    // Throws an error if it could not be parsed.
		    ipaddr.parseCIDR = function (string) {
		        try {
		            return ipaddr.IPv6.parseCIDR(string);
		        } catch {
		            try {
		                return ipaddr.IPv4.parseCIDR(string);
		            } catch (e) {
		                throw new Error('ipaddr: the address has neither IPv6 nor IPv4 CIDR format', { cause: e });
		            }
		        }
		    };

		    // Parse an address and return plain IPv4 address if it is an IPv4-mapped address
		    ipaddr.process = function (string) {
		        const addr = this.parse(string);

		        if (addr.kind() === 'ipv6' && addr.isIPv4MappedAddress()) {
		            return addr.toIPv4Address();
		        } else {
		            return addr;
		        }
		    };

		    // An utility function to ease named range matching. See examples below.
		    // rangeList can contain both IPv4 and IPv6 subnet entries and will not throw errors
		    // on matching IPv4 addresses to IPv6 ranges or vice versa.
		    ipaddr.subnetMatch = function (address, rangeList, defaultName) {
		        let i, rangeName, rangeSubnets, subnet;

		        if (defaultName === undefined || defaultName === null) {
		            defaultName = 'unicast';
		        }

		        for (rangeName in rangeList) {
		            if (Object.prototype.hasOwnProperty.call(rangeList, rangeName)) {
		                rangeSubnets = rangeList[rangeName];
		                // ECMA5 Array.isArray isn't available everywhere
		                if (rangeSubnets[0] && !(rangeSubnets[0] instanceof Array)) {
		                    rangeSubnets = [rangeSubnets];
		                }

		                for (i = 0; i < rangeSubnets.length; i++) {
		                    subnet = rangeSubnets[i];
		                    if (address.kind() === subnet[0].kind() && address.match.apply(address, subnet)) {
		                        return rangeName;
		                    }
		                }
		            }
		        }

		        return defaultName;
		    };

		    // Export for both the CommonJS and browser-like environment
		    if (module.exports) {
		        module.exports = ipaddr;

		    } else {
		        root.ipaddr = ipaddr;
		    }

		}(ipaddr$1)); 
	} (ipaddr$2));
	return ipaddr$2.exports;
}

var ipaddrExports = requireIpaddr();
var ipaddr = /*@__PURE__*/getDefaultExportFromCjs(ipaddrExports);

/**
 * Parses a spec.addresses item the way Istio keys listeners by it: a /32 or
 * /128 is a plain IP, a wider CIDR is compared by its masked network, and only
 * strict dotted-quad IPv4 counts (Go's parser refuses 0x.. and octal forms).
 */
function parseAddress(raw) {
    const text = raw.trim();
    if (text.includes('/')) {
        const [addressPart, bitsPart] = text.split('/', 2);
        if (!isStrictIp(addressPart) || !/^\d{1,3}$/.test(bitsPart))
            return { kind: 'invalid', raw };
        let parsed;
        try {
            parsed = ipaddr.parseCIDR(text);
        }
        catch {
            return { kind: 'invalid', raw };
        }
        const [address, bits] = parsed;
        const fullBits = address.kind() === 'ipv4' ? 32 : 128;
        if (bits === fullBits)
            return { kind: 'ip', ip: address.toString() };
        const network = address.kind() === 'ipv4'
            ? ipaddr.IPv4.networkAddressFromCIDR(text)
            : ipaddr.IPv6.networkAddressFromCIDR(text);
        return { kind: 'cidr', cidr: `${network.toString()}/${bits}`, network, bits };
    }
    if (!isStrictIp(text))
        return { kind: 'invalid', raw };
    return { kind: 'ip', ip: ipaddr.parse(text).toString() };
}
function isStrictIp(text) {
    return ipaddr.IPv4.isValidFourPartDecimal(text) || (text.includes(':') && ipaddr.IPv6.isValid(text));
}
/** True when every address of `inner` lies inside `outer` (same family, outer no longer). */
function cidrContains(outer, inner) {
    if (outer.network.kind() !== inner.network.kind() || outer.bits > inner.bits)
        return false;
    return inner.network.match(outer.network, outer.bits);
}

/**
 * Finds which unit Istio processes first, following its order: visibility
 * tier, then creation time, then hostname, then namespace. Ages the manifests
 * do not pin leave several candidates; linear in the number of units.
 */
function firstProcessed(units) {
    if (units.length === 0)
        return { winner: undefined, candidates: [] };
    // Loops, not Math.min(...spread): a group can hold more units than a call has room for arguments.
    let minTier = Infinity;
    let minGeneration = Infinity;
    for (const u of units)
        if (u.tier < minTier)
            minTier = u.tier;
    for (const u of units)
        if (u.tier === minTier && u.age.generation < minGeneration)
            minGeneration = u.age.generation;
    const pool = units.filter((u) => u.tier === minTier && u.age.generation === minGeneration);
    // Units of one entry share a creation time, so among them the hostname decides.
    const bestPerEntry = new Map();
    for (const u of pool) {
        const current = bestPerEntry.get(u.unit.entryIndex);
        if (!current || compareNames(u, current) < 0)
            bestPerEntry.set(u.unit.entryIndex, u);
    }
    const timed = [];
    const untimed = [];
    for (const u of bestPerEntry.values())
        (u.age.timestamp === undefined ? untimed : timed).push(u);
    let bestTimed;
    for (const u of timed) {
        if (!bestTimed || compareTimed(u, bestTimed) < 0)
            bestTimed = u;
    }
    const candidates = bestTimed ? [bestTimed, ...untimed] : untimed;
    candidates.sort(compareNames);
    return { winner: candidates.length === 1 ? candidates[0] : undefined, candidates };
}
function compareTimed(a, b) {
    const byTime = (a.age.timestamp ?? 0) - (b.age.timestamp ?? 0);
    return byTime !== 0 ? byTime : compareNames(a, b);
}
function compareNames(a, b) {
    return compareStrings(a.unit.host, b.unit.host)
        || compareStrings(a.unit.entry.namespace, b.unit.entry.namespace)
        || compareStrings(a.unit.entry.name, b.unit.entry.name);
}
function compareStrings(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

/** Replays Istio's merge (handleConflict / mergeTCPFilterChains) of every unit one consumer sees on one listener. */
function conflictsOnListener(listener, units) {
    return listenerBaseline(listener, units).records;
}
function listenerBaseline(listener, units) {
    const records = [];
    const wellKnown = units.some((u) => isWellKnownPortProtocol(u.unit.port.protocol));
    const survivors = wellKnown ? wellKnownPortConflict(listener, units, records) : units;
    const http = survivors.filter((u) => u.unit.chain === 'http');
    const plainTcp = survivors.filter(isPlainTcpBesideHttp);
    const sniffing = sniffingRecord(listener, http, plainTcp);
    if (sniffing)
        records.push(sniffing);
    const bySignature = groupBy(survivors.filter((u) => u.unit.chain !== 'http'), chainSignature);
    const shadowing = new Map();
    for (const [signature, group] of bySignature) {
        const record = shadowRecord(listener, signature, group);
        if (record) {
            shadowing.set(signature, record);
            records.push(record);
        }
    }
    const captureSlots = new Map();
    for (const u of survivors)
        addToCaptureSlot(captureSlots, u);
    const capture = new Map();
    for (const [cidr, slot] of captureSlots) {
        const record = captureRecord(listener, cidr, slot);
        if (record) {
            capture.set(cidr, record);
            records.push(record);
        }
    }
    const cidrOverlap = cidrOverlapRecord(listener, survivors);
    if (cidrOverlap)
        records.push(cidrOverlap);
    return {
        listener, units: [...units], records, hosts: new Set(units.map((u) => u.unit.host)), wellKnown,
        http, plainTcp, sniffing, bySignature, shadowing, captureSlots, capture, cidrOverlap, parts: new Map(), allTls: new Map(),
    };
}
/**
 * The records for a consumer that sees the baseline plus its own units
 * (private or exported to it by name, so processed first). What the overlay
 * does not touch is the baseline's own record objects; what it touches is a
 * small record of its own units plus a shared record of the baseline units,
 * so a thousand namespaces never copy a thousand-entry group.
 */
function conflictsWithOverlay(baseline, overlay, fullPass) {
    const { listener } = baseline;
    const full = () => fullPass([...overlay, ...baseline.units]).map((record) => ({ record }));
    // Interplay the parts cannot express (one port dropped whole, one host per sidecar, CIDR nesting): replay everything.
    if (baseline.wellKnown || overlay.some((u) => isWellKnownPortProtocol(u.unit.port.protocol) || u.unit.cidr !== undefined || baseline.hosts.has(u.unit.host)))
        return full();
    const out = [];
    const ownHttp = overlay.filter((u) => u.unit.chain === 'http');
    const ownTcp = overlay.filter(isPlainTcpBesideHttp);
    if (ownHttp.length + ownTcp.length === 0) {
        if (baseline.sniffing)
            out.push({ record: baseline.sniffing });
    }
    else if (ownHttp.length + baseline.http.length > 0 && ownTcp.length + baseline.plainTcp.length > 0) {
        out.push({ record: { rule: 'http-tcp-sniffing', listener, subKey: '', winners: ownHttp, shadowed: ownTcp, undetermined: [] } });
        if (baseline.http.length + baseline.plainTcp.length > 0) {
            out.push({ record: baseline.sniffing ?? part(baseline, 'sniffing', () => ({ rule: 'http-tcp-sniffing', listener, subKey: '', winners: baseline.http, shadowed: baseline.plainTcp, undetermined: [] })) });
        }
    }
    const ownBySignature = groupBy(overlay.filter((u) => u.unit.chain !== 'http'), chainSignature);
    for (const [signature, record] of baseline.shadowing)
        if (!ownBySignature.has(signature))
            out.push({ record });
    for (const [signature, own] of ownBySignature) {
        const base = baseline.bySignature.get(signature) ?? [];
        if (base.length === 0) {
            const record = shadowRecord(listener, signature, own);
            if (record)
                out.push({ record });
            continue;
        }
        // Own and baseline units are different entries of different hosts: the group collides, and the rule follows the chain kinds.
        const rule = own.every(isTls) && allTls(baseline, signature, base) ? 'tls-shadowed' : 'tcp-shadowed';
        const existing = baseline.shadowing.get(signature);
        if (existing && existing.rule !== rule)
            return full();
        // Own units are processed before every baseline unit, so the winner is among them and all of the baseline loses.
        out.push({ record: shadowRecord(listener, signature, own, rule) });
        out.push({ record: existing ?? part(baseline, `${rule}|${signature}`, () => ({ rule, listener, subKey: signature, winners: [], undetermined: [], shadowed: base })), allLose: true });
    }
    const ownSlots = new Map();
    for (const u of overlay)
        addToCaptureSlot(ownSlots, u);
    for (const [cidr, record] of baseline.capture)
        if (!ownSlots.has(cidr))
            out.push({ record });
    for (const [cidr, own] of ownSlots) {
        const base = baseline.captureSlots.get(cidr) ?? { sni: [], matchAll: [] };
        if (own.sni.length + base.sni.length === 0 || own.matchAll.length + base.matchAll.length === 0)
            continue;
        out.push({ record: { rule: 'tcp-captures-tls-port', listener, subKey: cidr, winners: [...own.matchAll, ...own.sni], shadowed: [], undetermined: [] } });
        if (base.sni.length + base.matchAll.length > 0) {
            out.push({ record: baseline.capture.get(cidr) ?? part(baseline, `capture|${cidr}`, () => ({ rule: 'tcp-captures-tls-port', listener, subKey: cidr, winners: [...base.matchAll, ...base.sni], shadowed: [], undetermined: [] })) });
        }
    }
    if (baseline.cidrOverlap)
        out.push({ record: baseline.cidrOverlap });
    return out;
}
function isTls(u) {
    return u.unit.chain === 'tls';
}
function allTls(baseline, signature, base) {
    let known = baseline.allTls.get(signature);
    if (known === undefined) {
        known = base.every(isTls);
        baseline.allTls.set(signature, known);
    }
    return known;
}
function part(baseline, key, make) {
    let record = baseline.parts.get(key);
    if (!record) {
        record = make();
        baseline.parts.set(key, record);
    }
    return record;
}
/**
 * A MONGO or MYSQL port and a port of any other protocol on one listener:
 * Istio ignores the later port entirely (isConflictWithWellKnownPort).
 */
function wellKnownPortConflict(listener, units, records) {
    const protocols = new Set(units.map((u) => u.unit.port.protocol));
    if (protocols.size < 2)
        return units;
    const { candidates } = firstProcessed(units);
    const leading = new Set(candidates.map((c) => c.unit.port.protocol));
    const conflicts = (p) => [...leading].every((l) => l !== p && (isWellKnownPortProtocol(l) || isWellKnownPortProtocol(p)));
    const ignored = new Set(units.filter((u) => conflicts(u.unit.port.protocol)));
    if (ignored.size === 0)
        return units;
    const decided = leading.size === 1;
    const kept = units.filter((u) => leading.has(u.unit.port.protocol));
    records.push({ rule: 'well-known-port-protocol', listener, subKey: '', winners: decided ? kept : [], undetermined: decided ? [] : kept, shadowed: [...ignored] });
    return units.filter((u) => !ignored.has(u));
}
/** Plain TCP on the wildcard listener: beside HTTP, Envoy sniffs and its HTTP-speaking clients get routed by Host. */
function isPlainTcpBesideHttp(u) {
    return u.unit.chain === 'tcp' && u.unit.bind !== 'ip';
}
function sniffingRecord(listener, http, tcp) {
    if (http.length === 0 || tcp.length === 0)
        return undefined;
    return { rule: 'http-tcp-sniffing', listener, subKey: '', winners: http, shadowed: tcp, undetermined: [] };
}
/** Filter chains with equal match criteria (SNI set, CIDR) are one chain to Envoy. */
function chainSignature(u) {
    return `${u.unit.chain === 'tls' ? u.unit.sni ?? '' : ''}|${u.unit.cidr ?? ''}`;
}
/**
 * Only the first of several equal chains survives. Units of the winning host
 * still reach it, so only the other hosts lose. Given a rule, even a group
 * of one host gets a record: its units lead a larger group, under that rule.
 */
function shadowRecord(listener, signature, group, rule) {
    const firstHost = group[0]?.unit.host;
    if (firstHost === undefined || (rule === undefined && group.every((u) => u.unit.host === firstHost)))
        return undefined;
    const { winner, candidates } = firstProcessed(group);
    const winningHosts = new Set((winner ? [winner] : candidates).map((c) => c.unit.host));
    const decided = winningHosts.size === 1;
    const firstEntry = group[0].unit.entryIndex;
    const singleEntry = group.every((u) => u.unit.entryIndex === firstEntry);
    const leading = [];
    const shadowed = [];
    for (const u of group)
        (winningHosts.has(u.unit.host) ? leading : shadowed).push(u);
    const resolvedRule = rule ?? (singleEntry ? 'multi-host-tcp' : group.every((u) => u.unit.chain === 'tls') ? 'tls-shadowed' : 'tcp-shadowed');
    return {
        rule: resolvedRule,
        listener,
        subKey: resolvedRule === 'multi-host-tcp' ? `${group[0].unit.entry.namespace}/${group[0].unit.entry.name}` : signature,
        winners: decided ? leading : [],
        undetermined: decided ? [] : leading,
        shadowed,
    };
}
function addToCaptureSlot(slots, u) {
    if (u.unit.bind === 'ip' || u.unit.chain === 'http')
        return;
    const key = u.unit.cidr ?? '';
    let slot = slots.get(key);
    if (!slot) {
        slot = { sni: [], matchAll: [] };
        slots.set(key, slot);
    }
    (u.unit.chain === 'tls' ? slot.sni : slot.matchAll).push(u);
}
/**
 * TLS entries matched by SNI next to a match-all TCP chain: the TCP entry
 * becomes the listener's default and takes every connection no SNI claims.
 */
function captureRecord(listener, cidr, slot) {
    if (slot.sni.length === 0 || slot.matchAll.length === 0)
        return undefined;
    return { rule: 'tcp-captures-tls-port', listener, subKey: cidr, winners: [...slot.matchAll, ...slot.sni], shadowed: [], undetermined: [] };
}
/** Different CIDRs that overlap both stay; the longest prefix takes the addresses they share. */
function cidrOverlapRecord(listener, units) {
    const byCidr = groupBy(units.filter((u) => u.unit.cidr !== undefined), (u) => u.unit.cidr);
    if (byCidr.size < 2)
        return undefined;
    const cidrs = [...byCidr.keys()].map((text) => {
        const [network, bits] = ipaddr.parseCIDR(text);
        return { text, network, bits, bytes: network.toByteArray() };
    });
    // Sorted by start address, wider first: an enclosing CIDR is always on the stack when its members come.
    cidrs.sort((a, b) => a.bytes.length - b.bytes.length || compareBytes(a.bytes, b.bytes) || a.bits - b.bits);
    const outer = new Set();
    const inner = new Set();
    const stack = [];
    for (const c of cidrs) {
        while (stack.length > 0 && !cidrContains(stack[stack.length - 1], c))
            stack.pop();
        if (stack.length > 0) {
            inner.add(c.text);
            for (const s of stack)
                outer.add(s.text);
        }
        stack.push(c);
    }
    if (inner.size === 0)
        return undefined;
    const pick = (texts) => [...texts].flatMap((t) => byCidr.get(t) ?? []);
    return { rule: 'cidr-overlap', listener, subKey: '', winners: pick([...inner].filter((t) => !outer.has(t))), shadowed: pick(outer), undetermined: [] };
}
function compareBytes(a, b) {
    for (let i = 0; i < a.length; i++) {
        const d = (a[i] ?? 0) - (b[i] ?? 0);
        if (d !== 0)
            return d;
    }
    return 0;
}
function groupBy(items, key) {
    const groups = new Map();
    for (const item of items) {
        const k = key(item);
        const group = groups.get(k);
        if (group)
            group.push(item);
        else
            groups.set(k, [item]);
    }
    return groups;
}

const CHAIN_BY_CLASS = { HTTP: 'http', TLS: 'tls', TCP: 'tcp', AUTO: 'auto' };
const AUTO_ALLOCATE_OPT_OUT = 'networking.istio.io/enable-autoallocate-ip';
/** Every listener unit the entries produce, with bad addresses reported rather than thrown. */
function buildListenerUnits(entries, mesh, diagnostics) {
    const units = [];
    entries.forEach((entry, entryIndex) => {
        if (bindsPerEndpoint(entry))
            return;
        const addresses = entry.addresses.map((raw) => {
            const parsed = parseAddress(raw);
            if (parsed.kind === 'invalid') {
                diagnostics.push({
                    severity: 'error',
                    code: 'invalid-address',
                    message: `${entry.namespace}/${entry.name}: spec.addresses item ${JSON.stringify(raw)} is neither an IP nor a CIDR; the API server rejects it`,
                    location: entry.hostsLocation,
                });
            }
            return parsed;
        }).filter((a) => a.kind !== 'invalid');
        const autoAllocated = mesh.autoAllocate && addresses.length === 0;
        for (const port of entry.ports) {
            if (port.protocolClass === 'UDP')
                continue;
            const chain = CHAIN_BY_CLASS[port.protocolClass];
            const wildcard = wildcardListener(port.number);
            for (const host of entry.hosts) {
                const unit = (listener, bind, cidr, sni) => ({ entry, entryIndex, port, host, chain, listener, bind, cidr, sni });
                if (chain === 'http') {
                    // HTTP is routed by Host on the wildcard listener whatever the addresses say.
                    units.push(unit(wildcard, 'wildcard', undefined, undefined));
                }
                else if (addresses.length === 0) {
                    if (autoAllocated && isAutoAllocationEligible(entry, host))
                        continue;
                    units.push(unit(wildcard, 'wildcard', undefined, chain === 'tls' ? host : undefined));
                }
                else {
                    for (const address of addresses) {
                        if (address.kind === 'ip')
                            units.push(unit(`${address.ip}_${port.number}`, 'ip', undefined, undefined));
                        else if (address.kind === 'cidr')
                            units.push(unit(wildcard, 'cidr', address.cidr, chain === 'tls' ? host : undefined));
                    }
                }
            }
        }
    });
    return units;
}
function wildcardListener(port) {
    return `0.0.0.0_${port}`;
}
/** NONE-resolution entries with a selector or endpoints get one listener per endpoint IP: they cannot share a wildcard. */
function bindsPerEndpoint(entry) {
    return entry.resolution === 'NONE' && entry.addresses.length === 0 && (entry.hasWorkloadSelector || entry.endpointCount > 0);
}
/** Istio only allocates a VIP to entries it can resolve by name, with a concrete host, that did not opt out. */
function isAutoAllocationEligible(entry, host) {
    if (entry.addresses.length > 0)
        return false;
    if (entry.labels[AUTO_ALLOCATE_OPT_OUT] === 'false')
        return false;
    if (entry.resolution === 'NONE')
        return false;
    if (host.startsWith('*'))
        return entry.resolution === 'DYNAMIC_DNS';
    return true;
}

/**
 * Finds every listener collision among the entries, as each group of
 * consumer sidecars would see it. Work is grouped by listener, so N entries
 * on one port cost one pass over those N, not N² pairs.
 */
function analyze(loaded, options = {}) {
    const mesh = { ...DEFAULT_MESH_OPTIONS, ...options.mesh };
    const diagnostics = [...loaded.diagnostics];
    reportDuplicateNames(loaded.entries, diagnostics);
    const ages = loaded.entries.map((e) => ({
        timestamp: e.creationTimestamp,
        generation: options.newEntryRefs?.has(entryRef(e)) ? 1 : 0,
    }));
    const exportTo = loaded.entries.map((e) => effectiveExportTo(e, mesh));
    const accumulator = new CollisionAccumulator();
    const context = { loaded, mesh, ages, exportTo, accumulator };
    const byListener = groupBy(buildListenerUnits(loaded.entries, mesh, diagnostics), (u) => u.listener);
    for (const [listener, units] of byListener) {
        if (units.length > 1) {
            analyzeGroup(context, units, {
                full: (visible) => conflictsOnListener(listener, visible),
                onePerHost: true,
                baseline: (visible) => listenerBaseline(listener, visible),
            });
        }
    }
    const byHostPort = groupBy(sameHostUnits(loaded.entries), (u) => `${u.host}\u0000${u.port.number}`);
    for (const units of byHostPort.values()) {
        if (new Set(units.map((u) => u.entryIndex)).size > 1)
            analyzeGroup(context, units, { full: sameHostRecord, onePerHost: false });
    }
    const findings = accumulator.collisions().map((c) => toFinding(c, mesh)).sort(compareFindings);
    return { findings, diagnostics, entryCount: loaded.entries.length };
}
/**
 * Runs a detector for every consumer class that could see the group
 * differently: `*`, each namespace an exportTo names, each Sidecar's scope.
 * Public units are ranked and analysed once per Sidecar scope; a namespace
 * adds only the units exported to it, which Istio processes first.
 */
function analyzeGroup(context, units, detector) {
    const publicUnits = [];
    const scoped = new Map();
    for (const unit of units) {
        const exportTo = context.exportTo[unit.entryIndex];
        if (exportTo.includes('*'))
            publicUnits.push(unit);
        else
            for (const ns of namespacesNamedBy(unit.entry, exportTo)) {
                const list = scoped.get(ns);
                if (list)
                    list.push(unit);
                else
                    scoped.set(ns, [unit]);
            }
    }
    const rank = (unit, tier) => ({ unit, tier, age: context.ages[unit.entryIndex] });
    const baselines = new Map();
    for (const consumer of consumerClasses(scoped.keys(), context.loaded.sidecars, context.mesh)) {
        const sees = (u) => sidecarImports(consumer.sidecar, u.entry.namespace, u.host);
        let shared = baselines.get(consumer.sidecar);
        if (!shared) {
            const publicRanked = publicUnits.filter(sees).map((u) => rank(u, 2));
            const ranked = detector.onePerHost ? onePerHostname(publicRanked, undefined) : publicRanked;
            const baseline = ranked.length > 1 && detector.baseline ? detector.baseline(ranked) : undefined;
            shared = { ranked, baseline, records: baseline ? baseline.records : ranked.length > 1 ? detector.full(ranked) : [] };
            baselines.set(consumer.sidecar, shared);
        }
        const creationOrderOnly = importsByExactNames(consumer.sidecar);
        const own = consumer.namespace === undefined ? [] : (scoped.get(consumer.namespace) ?? []).filter(sees)
            .map((u) => rank(u, creationOrderOnly ? 2 : u.entry.namespace === consumer.namespace ? 0 : 1));
        let records;
        if (own.length === 0) {
            records = shared.records.map((record) => ({ record }));
        }
        else {
            const fullPass = (all) => {
                const visible = detector.onePerHost ? onePerHostname(all, consumer.namespace) : all;
                return visible.length > 1 ? detector.full(visible) : [];
            };
            records = shared.baseline && !creationOrderOnly
                ? conflictsWithOverlay(shared.baseline, own, fullPass)
                : fullPass([...own, ...shared.ranked]).map((record) => ({ record }));
        }
        for (const record of records)
            context.accumulator.add(record, consumer.id);
    }
}
/**
 * A sidecar keeps one service per hostname (the consumer's own namespace
 * first, then the first processed), so a second entry for the same host never
 * reaches the listener; the same-host finding reports it instead. When the
 * order is unknown, the candidate that sorts first stands for the host.
 */
function onePerHostname(visible, consumerNamespace) {
    const byHost = new Map();
    for (const u of visible) {
        const list = byHost.get(u.unit.host);
        if (list)
            list.push(u);
        else
            byHost.set(u.unit.host, [u]);
    }
    if (byHost.size === visible.length)
        return visible;
    const kept = [];
    for (const units of byHost.values()) {
        if (new Set(units.map((u) => u.unit.entryIndex)).size === 1) {
            kept.push(...units);
            continue;
        }
        const own = units.filter((u) => u.unit.entry.namespace === consumerNamespace);
        const pool = own.length > 0 ? own : units;
        const { winner, candidates } = firstProcessed(pool);
        const keeper = (winner ?? candidates[0]).unit.entryIndex;
        kept.push(...pool.filter((u) => u.unit.entryIndex === keeper));
    }
    return kept;
}
/**
 * One hostname in several entries: a sidecar keeps the first definition per
 * hostname (ports merged within a namespace), so the rest never take effect.
 */
function sameHostRecord(visible) {
    const { winner, candidates } = firstProcessed(visible);
    const first = winner ? [winner] : candidates;
    const firstEntries = new Set(first.map((c) => c.unit.entryIndex));
    const leading = visible.filter((u) => firstEntries.has(u.unit.entryIndex));
    const rest = visible.filter((u) => !firstEntries.has(u.unit.entryIndex));
    const any = visible[0].unit;
    return [{
            rule: 'same-host',
            listener: `outbound|${any.port.number}||${any.host}`,
            subKey: any.host,
            winners: winner ? leading : [],
            undetermined: winner ? [] : leading,
            shadowed: rest,
        }];
}
/** Per host and port, regardless of addresses, so auto-allocated entries are compared too. */
function sameHostUnits(entries) {
    const units = [];
    entries.forEach((entry, entryIndex) => {
        for (const port of entry.ports) {
            if (port.protocolClass === 'UDP')
                continue;
            for (const host of entry.hosts) {
                units.push({ entry, entryIndex, port, host, listener: '', bind: 'wildcard', cidr: undefined, chain: 'tcp', sni: undefined });
            }
        }
    });
    return units;
}
function reportDuplicateNames(entries, diagnostics) {
    const seen = new Map();
    for (const e of entries) {
        const ref = entryRef(e);
        const earlier = seen.get(ref);
        if (earlier) {
            diagnostics.push({
                severity: 'warning',
                code: 'duplicate-name',
                message: `ServiceEntry ${ref} is also defined at ${earlier.location.path}:${earlier.location.line}; only one object can exist, the last one applied replaces the other`,
                location: e.location,
            });
        }
        else {
            seen.set(ref, e);
        }
    }
}

var utils = {};

var constants;
var hasRequiredConstants;

function requireConstants () {
	if (hasRequiredConstants) return constants;
	hasRequiredConstants = 1;

	const WIN_SLASH = '\\\\/';
	const WIN_NO_SLASH = `[^${WIN_SLASH}]`;

	const DEFAULT_MAX_EXTGLOB_RECURSION = 0;

	/**
	 * Posix glob regex
	 */

	const DOT_LITERAL = '\\.';
	const PLUS_LITERAL = '\\+';
	const QMARK_LITERAL = '\\?';
	const SLASH_LITERAL = '\\/';
	const ONE_CHAR = '(?=.)';
	const QMARK = '[^/]';
	const END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
	const START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
	const DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
	const NO_DOT = `(?!${DOT_LITERAL})`;
	const NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
	const NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
	const NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
	const QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
	const STAR = `${QMARK}*?`;
	const SEP = '/';

	const POSIX_CHARS = {
	  DOT_LITERAL,
	  PLUS_LITERAL,
	  QMARK_LITERAL,
	  SLASH_LITERAL,
	  ONE_CHAR,
	  QMARK,
	  END_ANCHOR,
	  DOTS_SLASH,
	  NO_DOT,
	  NO_DOTS,
	  NO_DOT_SLASH,
	  NO_DOTS_SLASH,
	  QMARK_NO_DOT,
	  STAR,
	  START_ANCHOR,
	  SEP
	};

	/**
	 * Windows glob regex
	 */

	const WINDOWS_CHARS = {
	  ...POSIX_CHARS,

	  SLASH_LITERAL: `[${WIN_SLASH}]`,
	  QMARK: WIN_NO_SLASH,
	  STAR: `${WIN_NO_SLASH}*?`,
	  DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
	  NO_DOT: `(?!${DOT_LITERAL})`,
	  NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
	  NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
	  NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
	  QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
	  START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
	  END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
	  SEP: '\\'
	};

	/**
	 * POSIX Bracket Regex
	 */

	const POSIX_REGEX_SOURCE = {
	  __proto__: null,
	  alnum: 'a-zA-Z0-9',
	  alpha: 'a-zA-Z',
	  ascii: '\\x00-\\x7F',
	  blank: ' \\t',
	  cntrl: '\\x00-\\x1F\\x7F',
	  digit: '0-9',
	  graph: '\\x21-\\x7E',
	  lower: 'a-z',
	  print: '\\x20-\\x7E ',
	  punct: '\\-!"#$%&\'()\\*+,./:;<=>?@[\\]^_`{|}~',
	  space: ' \\t\\r\\n\\v\\f',
	  upper: 'A-Z',
	  word: 'A-Za-z0-9_',
	  xdigit: 'A-Fa-f0-9'
	};

	constants = {
	  DEFAULT_MAX_EXTGLOB_RECURSION,
	  MAX_LENGTH: 1024 * 64,
	  POSIX_REGEX_SOURCE,

	  // regular expressions
	  REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
	  REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
	  REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
	  REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
	  REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
	  REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,

	  // Replace globs with equivalent patterns to reduce parsing time.
	  REPLACEMENTS: {
	    __proto__: null,
	    '***': '*',
	    '**/**': '**',
	    '**/**/**': '**'
	  },

	  // Digits
	  CHAR_0: 48, /* 0 */
	  CHAR_9: 57, /* 9 */

	  // Alphabet chars.
	  CHAR_UPPERCASE_A: 65, /* A */
	  CHAR_LOWERCASE_A: 97, /* a */
	  CHAR_UPPERCASE_Z: 90, /* Z */
	  CHAR_LOWERCASE_Z: 122, /* z */

	  CHAR_LEFT_PARENTHESES: 40, /* ( */
	  CHAR_RIGHT_PARENTHESES: 41, /* ) */

	  CHAR_ASTERISK: 42, /* * */

	  // Non-alphabetic chars.
	  CHAR_AMPERSAND: 38, /* & */
	  CHAR_AT: 64, /* @ */
	  CHAR_BACKWARD_SLASH: 92, /* \ */
	  CHAR_CARRIAGE_RETURN: 13, /* \r */
	  CHAR_CIRCUMFLEX_ACCENT: 94, /* ^ */
	  CHAR_COLON: 58, /* : */
	  CHAR_COMMA: 44, /* , */
	  CHAR_DOT: 46, /* . */
	  CHAR_DOUBLE_QUOTE: 34, /* " */
	  CHAR_EQUAL: 61, /* = */
	  CHAR_EXCLAMATION_MARK: 33, /* ! */
	  CHAR_FORM_FEED: 12, /* \f */
	  CHAR_FORWARD_SLASH: 47, /* / */
	  CHAR_GRAVE_ACCENT: 96, /* ` */
	  CHAR_HASH: 35, /* # */
	  CHAR_HYPHEN_MINUS: 45, /* - */
	  CHAR_LEFT_ANGLE_BRACKET: 60, /* < */
	  CHAR_LEFT_CURLY_BRACE: 123, /* { */
	  CHAR_LEFT_SQUARE_BRACKET: 91, /* [ */
	  CHAR_LINE_FEED: 10, /* \n */
	  CHAR_NO_BREAK_SPACE: 160, /* \u00A0 */
	  CHAR_PERCENT: 37, /* % */
	  CHAR_PLUS: 43, /* + */
	  CHAR_QUESTION_MARK: 63, /* ? */
	  CHAR_RIGHT_ANGLE_BRACKET: 62, /* > */
	  CHAR_RIGHT_CURLY_BRACE: 125, /* } */
	  CHAR_RIGHT_SQUARE_BRACKET: 93, /* ] */
	  CHAR_SEMICOLON: 59, /* ; */
	  CHAR_SINGLE_QUOTE: 39, /* ' */
	  CHAR_SPACE: 32, /*   */
	  CHAR_TAB: 9, /* \t */
	  CHAR_UNDERSCORE: 95, /* _ */
	  CHAR_VERTICAL_LINE: 124, /* | */
	  CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279, /* \uFEFF */

	  /**
	   * Create EXTGLOB_CHARS
	   */

	  extglobChars(chars) {
	    return {
	      '!': { type: 'negate', open: '(?:(?!(?:', close: `))${chars.STAR})` },
	      '?': { type: 'qmark', open: '(?:', close: ')?' },
	      '+': { type: 'plus', open: '(?:', close: ')+' },
	      '*': { type: 'star', open: '(?:', close: ')*' },
	      '@': { type: 'at', open: '(?:', close: ')' }
	    };
	  },

	  /**
	   * Create GLOB_CHARS
	   */

	  globChars(win32) {
	    return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
	  }
	};
	return constants;
}

/*global navigator*/

var hasRequiredUtils;

function requireUtils () {
	if (hasRequiredUtils) return utils;
	hasRequiredUtils = 1;
	(function (exports) {

		const {
		  REGEX_BACKSLASH,
		  REGEX_REMOVE_BACKSLASH,
		  REGEX_SPECIAL_CHARS,
		  REGEX_SPECIAL_CHARS_GLOBAL
		} = /*@__PURE__*/ requireConstants();

		exports.isObject = val => val !== null && typeof val === 'object' && !Array.isArray(val);
		exports.hasRegexChars = str => REGEX_SPECIAL_CHARS.test(str);
		exports.isRegexChar = str => str.length === 1 && exports.hasRegexChars(str);
		exports.escapeRegex = str => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, '\\$1');
		exports.toPosixSlashes = str => str.replace(REGEX_BACKSLASH, '/');

		exports.isWindows = () => {
		  if (typeof navigator !== 'undefined' && navigator.platform) {
		    const platform = navigator.platform.toLowerCase();
		    return platform === 'win32' || platform === 'windows';
		  }

		  if (typeof process !== 'undefined' && process.platform) {
		    return process.platform === 'win32';
		  }

		  return false;
		};

		exports.removeBackslashes = str => {
		  return str.replace(REGEX_REMOVE_BACKSLASH, match => {
		    return match === '\\' ? '' : match;
		  });
		};

		exports.escapeLast = (input, char, lastIdx) => {
		  const idx = input.lastIndexOf(char, lastIdx);
		  if (idx === -1) return input;
		  if (input[idx - 1] === '\\') return exports.escapeLast(input, char, idx - 1);
		  return `${input.slice(0, idx)}\\${input.slice(idx)}`;
		};

		exports.removePrefix = (input, state = {}) => {
		  let output = input;
		  if (output.startsWith('./')) {
		    output = output.slice(2);
		    state.prefix = './';
		  }
		  return output;
		};

		exports.wrapOutput = (input, state = {}, options = {}) => {
		  const prepend = options.contains ? '' : '^';
		  const append = options.contains ? '' : '$';

		  let output = `${prepend}(?:${input})${append}`;
		  if (state.negated === true) {
		    output = `(?:^(?!${output}).*$)`;
		  }
		  return output;
		};

		exports.basename = (path, { windows } = {}) => {
		  const segs = path.split(windows ? /[\\/]/ : '/');
		  const last = segs[segs.length - 1];

		  if (last === '') {
		    return segs[segs.length - 2];
		  }

		  return last;
		}; 
	} (utils));
	return utils;
}

var scan_1;
var hasRequiredScan;

function requireScan () {
	if (hasRequiredScan) return scan_1;
	hasRequiredScan = 1;

	const utils = /*@__PURE__*/ requireUtils();
	const {
	  CHAR_ASTERISK,             /* * */
	  CHAR_AT,                   /* @ */
	  CHAR_BACKWARD_SLASH,       /* \ */
	  CHAR_COMMA,                /* , */
	  CHAR_DOT,                  /* . */
	  CHAR_EXCLAMATION_MARK,     /* ! */
	  CHAR_FORWARD_SLASH,        /* / */
	  CHAR_LEFT_CURLY_BRACE,     /* { */
	  CHAR_LEFT_PARENTHESES,     /* ( */
	  CHAR_LEFT_SQUARE_BRACKET,  /* [ */
	  CHAR_PLUS,                 /* + */
	  CHAR_QUESTION_MARK,        /* ? */
	  CHAR_RIGHT_CURLY_BRACE,    /* } */
	  CHAR_RIGHT_PARENTHESES,    /* ) */
	  CHAR_RIGHT_SQUARE_BRACKET  /* ] */
	} = /*@__PURE__*/ requireConstants();

	const isPathSeparator = code => {
	  return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
	};

	const depth = token => {
	  if (token.isPrefix !== true) {
	    token.depth = token.isGlobstar ? Infinity : 1;
	  }
	};

	/**
	 * Quickly scans a glob pattern and returns an object with a handful of
	 * useful properties, like `isGlob`, `path` (the leading non-glob, if it exists),
	 * `glob` (the actual pattern), `negated` (true if the path starts with `!` but not
	 * with `!(`) and `negatedExtglob` (true if the path starts with `!(`).
	 *
	 * ```js
	 * const pm = require('picomatch');
	 * console.log(pm.scan('foo/bar/*.js'));
	 * { isGlob: true, input: 'foo/bar/*.js', base: 'foo/bar', glob: '*.js' }
	 * ```
	 * @param {String} `str`
	 * @param {Object} `options`
	 * @return {Object} Returns an object with tokens and regex source string.
	 * @api public
	 */

	const scan = (input, options) => {
	  const opts = options || {};

	  const length = input.length - 1;
	  const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
	  const slashes = [];
	  const tokens = [];
	  const parts = [];

	  let str = input;
	  let index = -1;
	  let start = 0;
	  let lastIndex = 0;
	  let isBrace = false;
	  let isBracket = false;
	  let isGlob = false;
	  let isExtglob = false;
	  let isGlobstar = false;
	  let braceEscaped = false;
	  let backslashes = false;
	  let negated = false;
	  let negatedExtglob = false;
	  let finished = false;
	  let braces = 0;
	  let prev;
	  let code;
	  let token = { value: '', depth: 0, isGlob: false };

	  const eos = () => index >= length;
	  const peek = () => str.charCodeAt(index + 1);
	  const advance = () => {
	    prev = code;
	    return str.charCodeAt(++index);
	  };

	  while (index < length) {
	    code = advance();
	    let next;

	    if (code === CHAR_BACKWARD_SLASH) {
	      backslashes = token.backslashes = true;
	      code = advance();

	      if (code === CHAR_LEFT_CURLY_BRACE) {
	        braceEscaped = true;
	      }
	      continue;
	    }

	    if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
	      braces++;

	      while (eos() !== true && (code = advance())) {
	        if (code === CHAR_BACKWARD_SLASH) {
	          backslashes = token.backslashes = true;
	          advance();
	          continue;
	        }

	        if (code === CHAR_LEFT_CURLY_BRACE) {
	          braces++;
	          continue;
	        }

	        if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
	          isBrace = token.isBrace = true;
	          isGlob = token.isGlob = true;
	          finished = true;

	          if (scanToEnd === true) {
	            continue;
	          }

	          break;
	        }

	        if (braceEscaped !== true && code === CHAR_COMMA) {
	          isBrace = token.isBrace = true;
	          isGlob = token.isGlob = true;
	          finished = true;

	          if (scanToEnd === true) {
	            continue;
	          }

	          break;
	        }

	        if (code === CHAR_RIGHT_CURLY_BRACE) {
	          braces--;

	          if (braces === 0) {
	            braceEscaped = false;
	            isBrace = token.isBrace = true;
	            finished = true;
	            break;
	          }
	        }
	      }

	      if (scanToEnd === true) {
	        continue;
	      }

	      break;
	    }

	    if (code === CHAR_FORWARD_SLASH) {
	      slashes.push(index);
	      tokens.push(token);
	      token = { value: '', depth: 0, isGlob: false };

	      if (finished === true) continue;
	      if (prev === CHAR_DOT && index === (start + 1)) {
	        start += 2;
	        continue;
	      }

	      lastIndex = index + 1;
	      continue;
	    }

	    if (opts.noext !== true) {
	      const isExtglobChar = code === CHAR_PLUS
	        || code === CHAR_AT
	        || code === CHAR_ASTERISK
	        || code === CHAR_QUESTION_MARK
	        || code === CHAR_EXCLAMATION_MARK;

	      if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
	        isGlob = token.isGlob = true;
	        isExtglob = token.isExtglob = true;
	        finished = true;
	        if (code === CHAR_EXCLAMATION_MARK && index === start) {
	          negatedExtglob = true;
	        }

	        if (scanToEnd === true) {
	          let parens = 0;

	          while (eos() !== true && (code = advance())) {
	            if (code === CHAR_BACKWARD_SLASH) {
	              backslashes = token.backslashes = true;
	              advance();
	              continue;
	            }

	            if (code === CHAR_LEFT_PARENTHESES) {
	              parens++;
	              continue;
	            }

	            if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
	              finished = true;
	              break;
	            }
	          }
	          continue;
	        }
	        break;
	      }
	    }

	    if (code === CHAR_ASTERISK) {
	      if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
	      isGlob = token.isGlob = true;
	      finished = true;

	      if (scanToEnd === true) {
	        continue;
	      }
	      break;
	    }

	    if (code === CHAR_QUESTION_MARK) {
	      isGlob = token.isGlob = true;
	      finished = true;

	      if (scanToEnd === true) {
	        continue;
	      }
	      break;
	    }

	    if (code === CHAR_LEFT_SQUARE_BRACKET) {
	      while (eos() !== true && (next = advance())) {
	        if (next === CHAR_BACKWARD_SLASH) {
	          backslashes = token.backslashes = true;
	          advance();
	          continue;
	        }

	        if (next === CHAR_RIGHT_SQUARE_BRACKET) {
	          isBracket = token.isBracket = true;
	          isGlob = token.isGlob = true;
	          finished = true;
	          break;
	        }
	      }

	      if (scanToEnd === true) {
	        continue;
	      }

	      break;
	    }

	    if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
	      negated = token.negated = true;
	      start++;
	      continue;
	    }

	    if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
	      isGlob = token.isGlob = true;

	      if (scanToEnd === true) {
	        let parens = 1;

	        while (eos() !== true && (code = advance())) {
	          if (code === CHAR_BACKWARD_SLASH) {
	            backslashes = token.backslashes = true;
	            advance();
	            continue;
	          }

	          if (code === CHAR_LEFT_PARENTHESES) {
	            parens++;
	            continue;
	          }

	          if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
	            finished = true;
	            break;
	          }
	        }
	        continue;
	      }
	      break;
	    }

	    if (isGlob === true) {
	      finished = true;

	      if (scanToEnd === true) {
	        continue;
	      }

	      break;
	    }
	  }

	  if (opts.noext === true) {
	    isExtglob = false;
	    isGlob = false;
	  }

	  let base = str;
	  let prefix = '';
	  let glob = '';

	  if (start > 0) {
	    prefix = str.slice(0, start);
	    str = str.slice(start);
	    lastIndex -= start;
	  }

	  if (base && isGlob === true && lastIndex > 0) {
	    base = str.slice(0, lastIndex);
	    glob = str.slice(lastIndex);
	  } else if (isGlob === true) {
	    base = '';
	    glob = str;
	  } else {
	    base = str;
	  }

	  if (base && base !== '' && base !== '/' && base !== str) {
	    if (isPathSeparator(base.charCodeAt(base.length - 1))) {
	      base = base.slice(0, -1);
	    }
	  }

	  if (opts.unescape === true) {
	    if (glob) glob = utils.removeBackslashes(glob);

	    if (base && backslashes === true) {
	      base = utils.removeBackslashes(base);
	    }
	  }

	  const state = {
	    prefix,
	    input,
	    start,
	    base,
	    glob,
	    isBrace,
	    isBracket,
	    isGlob,
	    isExtglob,
	    isGlobstar,
	    negated,
	    negatedExtglob
	  };

	  if (opts.tokens === true) {
	    state.maxDepth = 0;
	    if (!isPathSeparator(code)) {
	      tokens.push(token);
	    }
	    state.tokens = tokens;
	  }

	  if (opts.parts === true || opts.tokens === true) {
	    let prevIndex;

	    for (let idx = 0; idx < slashes.length; idx++) {
	      const n = prevIndex !== undefined ? prevIndex + 1 : start;
	      const i = slashes[idx];
	      const value = input.slice(n, i);
	      if (opts.tokens) {
	        if (idx === 0 && start !== 0) {
	          tokens[idx].isPrefix = true;
	          tokens[idx].value = prefix;
	        } else {
	          tokens[idx].value = value;
	        }
	        depth(tokens[idx]);
	        state.maxDepth += tokens[idx].depth;
	      }
	      if (i >= start) {
	        parts.push(value);
	        prevIndex = i;
	      }
	    }

	    const n = prevIndex !== undefined ? prevIndex + 1 : start;
	    const value = input.slice(n);
	    parts.push(value);

	    if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
	      tokens[tokens.length - 1].value = value;
	      depth(tokens[tokens.length - 1]);
	      state.maxDepth += tokens[tokens.length - 1].depth;
	    }

	    state.slashes = slashes;
	    state.parts = parts;
	  }

	  return state;
	};

	scan_1 = scan;
	return scan_1;
}

var parse_1;
var hasRequiredParse;

function requireParse () {
	if (hasRequiredParse) return parse_1;
	hasRequiredParse = 1;

	const constants = /*@__PURE__*/ requireConstants();
	const utils = /*@__PURE__*/ requireUtils();

	/**
	 * Constants
	 */

	const {
	  MAX_LENGTH,
	  POSIX_REGEX_SOURCE,
	  REGEX_NON_SPECIAL_CHARS,
	  REGEX_SPECIAL_CHARS_BACKREF,
	  REPLACEMENTS
	} = constants;

	/**
	 * Helpers
	 */

	const expandRange = (args, options) => {
	  if (typeof options.expandRange === 'function') {
	    return options.expandRange(...args, options);
	  }

	  args.sort();
	  const value = `[${args.join('-')}]`;

	  try {
	    /* eslint-disable-next-line no-new */
	    new RegExp(value);
	  } catch (ex) {
	    return args.map(v => utils.escapeRegex(v)).join('..');
	  }

	  return value;
	};

	/**
	 * Create the message for a syntax error
	 */

	const syntaxError = (type, char) => {
	  return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
	};

	const splitTopLevel = input => {
	  const parts = [];
	  let bracket = 0;
	  let paren = 0;
	  let quote = 0;
	  let value = '';
	  let escaped = false;

	  for (const ch of input) {
	    if (escaped === true) {
	      value += ch;
	      escaped = false;
	      continue;
	    }

	    if (ch === '\\') {
	      value += ch;
	      escaped = true;
	      continue;
	    }

	    if (ch === '"') {
	      quote = quote === 1 ? 0 : 1;
	      value += ch;
	      continue;
	    }

	    if (quote === 0) {
	      if (ch === '[') {
	        bracket++;
	      } else if (ch === ']' && bracket > 0) {
	        bracket--;
	      } else if (bracket === 0) {
	        if (ch === '(') {
	          paren++;
	        } else if (ch === ')' && paren > 0) {
	          paren--;
	        } else if (ch === '|' && paren === 0) {
	          parts.push(value);
	          value = '';
	          continue;
	        }
	      }
	    }

	    value += ch;
	  }

	  parts.push(value);
	  return parts;
	};

	const isPlainBranch = branch => {
	  let escaped = false;

	  for (const ch of branch) {
	    if (escaped === true) {
	      escaped = false;
	      continue;
	    }

	    if (ch === '\\') {
	      escaped = true;
	      continue;
	    }

	    if (/[?*+@!()[\]{}]/.test(ch)) {
	      return false;
	    }
	  }

	  return true;
	};

	const normalizeSimpleBranch = branch => {
	  let value = branch.trim();
	  let changed = true;

	  while (changed === true) {
	    changed = false;

	    if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
	      value = value.slice(2, -1);
	      changed = true;
	    }
	  }

	  if (!isPlainBranch(value)) {
	    return;
	  }

	  return value.replace(/\\(.)/g, '$1');
	};

	const hasRepeatedCharPrefixOverlap = branches => {
	  const values = branches.map(normalizeSimpleBranch).filter(Boolean);

	  for (let i = 0; i < values.length; i++) {
	    for (let j = i + 1; j < values.length; j++) {
	      const a = values[i];
	      const b = values[j];
	      const char = a[0];

	      if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
	        continue;
	      }

	      if (a === b || a.startsWith(b) || b.startsWith(a)) {
	        return true;
	      }
	    }
	  }

	  return false;
	};

	const parseRepeatedExtglob = (pattern, requireEnd = true) => {
	  if ((pattern[0] !== '+' && pattern[0] !== '*') || pattern[1] !== '(') {
	    return;
	  }

	  let bracket = 0;
	  let paren = 0;
	  let quote = 0;
	  let escaped = false;

	  for (let i = 1; i < pattern.length; i++) {
	    const ch = pattern[i];

	    if (escaped === true) {
	      escaped = false;
	      continue;
	    }

	    if (ch === '\\') {
	      escaped = true;
	      continue;
	    }

	    if (ch === '"') {
	      quote = quote === 1 ? 0 : 1;
	      continue;
	    }

	    if (quote === 1) {
	      continue;
	    }

	    if (ch === '[') {
	      bracket++;
	      continue;
	    }

	    if (ch === ']' && bracket > 0) {
	      bracket--;
	      continue;
	    }

	    if (bracket > 0) {
	      continue;
	    }

	    if (ch === '(') {
	      paren++;
	      continue;
	    }

	    if (ch === ')') {
	      paren--;

	      if (paren === 0) {
	        if (requireEnd === true && i !== pattern.length - 1) {
	          return;
	        }

	        return {
	          type: pattern[0],
	          body: pattern.slice(2, i),
	          end: i
	        };
	      }
	    }
	  }
	};

	const buildCharClassStar = chars => {
	  const source = chars.length === 1
	    ? utils.escapeRegex(chars[0])
	    : `[${chars.map(ch => utils.escapeRegex(ch)).join('')}]`;

	  return `${source}*`;
	};

	const getStarExtglobSequenceChars = pattern => {
	  let index = 0;
	  const chars = [];

	  while (index < pattern.length) {
	    const match = parseRepeatedExtglob(pattern.slice(index), false);

	    if (!match || match.type !== '*') {
	      return;
	    }

	    const branches = splitTopLevel(match.body).map(branch => branch.trim());
	    if (branches.length !== 1) {
	      return;
	    }

	    const branch = normalizeSimpleBranch(branches[0]);
	    if (!branch || branch.length !== 1) {
	      return;
	    }

	    chars.push(branch);
	    index += match.end + 1;
	  }

	  if (chars.length < 1) {
	    return;
	  }

	  return chars;
	};

	const repeatedExtglobRecursion = pattern => {
	  let depth = 0;
	  let value = pattern.trim();
	  let match = parseRepeatedExtglob(value);

	  while (match) {
	    depth++;
	    value = match.body.trim();
	    match = parseRepeatedExtglob(value);
	  }

	  return depth;
	};

	const analyzeRepeatedExtglob = (body, options) => {
	  if (options.maxExtglobRecursion === false) {
	    return { risky: false };
	  }

	  const max =
	    typeof options.maxExtglobRecursion === 'number'
	      ? options.maxExtglobRecursion
	      : constants.DEFAULT_MAX_EXTGLOB_RECURSION;

	  const branches = splitTopLevel(body).map(branch => branch.trim());

	  if (branches.length > 1) {
	    if (
	      branches.some(branch => branch === '') ||
	      branches.some(branch => /^[*?]+$/.test(branch)) ||
	      hasRepeatedCharPrefixOverlap(branches)
	    ) {
	      return { risky: true };
	    }
	  }

	  // A repeated extglob is "risky" (prone to catastrophic backtracking) when a
	  // branch is itself a `*(...)` sequence, since that nests an unbounded quantifier
	  // inside the outer `+(...)`/`*(...)`. When *every* branch reduces to single
	  // characters we can emit one flat, ReDoS-safe character class that preserves the
	  // meaning of ALL branches (e.g. `+(*(a)|*(b))` -> `[ab]*`), rather than dropping
	  // every branch but the first.
	  const safeChars = [];
	  let sawStarSequence = false;
	  let combinable = true;

	  for (const branch of branches) {
	    const chars = getStarExtglobSequenceChars(branch);
	    if (chars) {
	      sawStarSequence = true;
	      safeChars.push(...chars);
	      continue;
	    }

	    const literal = normalizeSimpleBranch(branch);
	    if (literal && literal.length === 1) {
	      safeChars.push(literal);
	      continue;
	    }

	    combinable = false;

	    if (repeatedExtglobRecursion(branch) > max) {
	      return { risky: true };
	    }
	  }

	  if (sawStarSequence) {
	    return combinable
	      ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) }
	      : { risky: true };
	  }

	  return { risky: false };
	};

	/**
	 * Parse the given input string.
	 * @param {String} input
	 * @param {Object} options
	 * @return {Object}
	 */

	const parse = (input, options) => {
	  if (typeof input !== 'string') {
	    throw new TypeError('Expected a string');
	  }

	  input = REPLACEMENTS[input] || input;

	  const opts = { ...options };
	  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;

	  let len = input.length;
	  if (len > max) {
	    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
	  }

	  const bos = { type: 'bos', value: '', output: opts.prepend || '' };
	  const tokens = [bos];

	  const capture = opts.capture ? '' : '?:';

	  // create constants based on platform, for windows or posix
	  const PLATFORM_CHARS = constants.globChars(opts.windows);
	  const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);

	  const {
	    DOT_LITERAL,
	    PLUS_LITERAL,
	    SLASH_LITERAL,
	    ONE_CHAR,
	    DOTS_SLASH,
	    NO_DOT,
	    NO_DOT_SLASH,
	    NO_DOTS_SLASH,
	    QMARK,
	    QMARK_NO_DOT,
	    STAR,
	    START_ANCHOR
	  } = PLATFORM_CHARS;

	  const globstar = opts => {
	    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
	  };

	  const nodot = opts.dot ? '' : NO_DOT;
	  const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
	  let star = opts.bash === true ? globstar(opts) : STAR;

	  if (opts.capture) {
	    star = `(${star})`;
	  }

	  // minimatch options support
	  if (typeof opts.noext === 'boolean') {
	    opts.noextglob = opts.noext;
	  }

	  const state = {
	    input,
	    index: -1,
	    start: 0,
	    dot: opts.dot === true,
	    consumed: '',
	    output: '',
	    prefix: '',
	    backtrack: false,
	    negated: false,
	    brackets: 0,
	    braces: 0,
	    parens: 0,
	    quotes: 0,
	    globstar: false,
	    tokens
	  };

	  input = utils.removePrefix(input, state);
	  len = input.length;

	  const extglobs = [];
	  const braces = [];
	  const stack = [];
	  let prev = bos;
	  let value;

	  /**
	   * Tokenizing helpers
	   */

	  const eos = () => state.index === len - 1;
	  const peek = state.peek = (n = 1) => input[state.index + n];
	  const advance = state.advance = () => input[++state.index] || '';
	  const remaining = () => input.slice(state.index + 1);
	  const consume = (value = '', num = 0) => {
	    state.consumed += value;
	    state.index += num;
	  };

	  const append = token => {
	    state.output += token.output != null ? token.output : token.value;
	    consume(token.value);
	  };

	  const negate = () => {
	    let count = 1;

	    while (peek() === '!' && (peek(2) !== '(' || peek(3) === '?')) {
	      advance();
	      state.start++;
	      count++;
	    }

	    if (count % 2 === 0) {
	      return false;
	    }

	    state.negated = true;
	    state.start++;
	    return true;
	  };

	  const increment = type => {
	    state[type]++;
	    stack.push(type);
	  };

	  const decrement = type => {
	    state[type]--;
	    stack.pop();
	  };

	  /**
	   * Push tokens onto the tokens array. This helper speeds up
	   * tokenizing by 1) helping us avoid backtracking as much as possible,
	   * and 2) helping us avoid creating extra tokens when consecutive
	   * characters are plain text. This improves performance and simplifies
	   * lookbehinds.
	   */

	  const push = tok => {
	    if (prev.type === 'globstar') {
	      const isBrace = state.braces > 0 && (tok.type === 'comma' || tok.type === 'brace');
	      const isExtglob = tok.extglob === true || (extglobs.length && (tok.type === 'pipe' || tok.type === 'paren'));

	      if (tok.type !== 'slash' && tok.type !== 'paren' && !isBrace && !isExtglob) {
	        state.output = state.output.slice(0, -prev.output.length);
	        prev.type = 'star';
	        prev.value = '*';
	        prev.output = star;
	        state.output += prev.output;
	      }
	    }

	    if (extglobs.length && tok.type !== 'paren') {
	      extglobs[extglobs.length - 1].inner += tok.value;
	    }

	    if (tok.value || tok.output) append(tok);
	    if (prev && prev.type === 'text' && tok.type === 'text') {
	      prev.output = (prev.output || prev.value) + tok.value;
	      prev.value += tok.value;
	      return;
	    }

	    tok.prev = prev;
	    tokens.push(tok);
	    prev = tok;
	  };

	  const extglobOpen = (type, value) => {
	    const token = { ...EXTGLOB_CHARS[value], conditions: 1, inner: '' };

	    token.prev = prev;
	    token.parens = state.parens;
	    token.output = state.output;
	    token.startIndex = state.index;
	    token.tokensIndex = tokens.length;
	    const output = (opts.capture ? '(' : '') + token.open;

	    increment('parens');
	    push({ type, value, output: state.output ? '' : ONE_CHAR });
	    push({ type: 'paren', extglob: true, value: advance(), output });
	    extglobs.push(token);
	  };

	  const extglobClose = token => {
	    const literal = input.slice(token.startIndex, state.index + 1);
	    const body = input.slice(token.startIndex + 2, state.index);
	    const analysis = analyzeRepeatedExtglob(body, opts);

	    if ((token.type === 'plus' || token.type === 'star') && analysis.risky) {
	      const safeOutput = analysis.safeOutput
	        ? (token.output ? '' : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput)
	        : undefined;
	      const open = tokens[token.tokensIndex];

	      open.type = 'text';
	      open.value = literal;
	      open.output = safeOutput || utils.escapeRegex(literal);

	      for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
	        tokens[i].value = '';
	        tokens[i].output = '';
	        delete tokens[i].suffix;
	      }

	      state.output = token.output + open.output;
	      state.backtrack = true;

	      push({ type: 'paren', extglob: true, value, output: '' });
	      decrement('parens');
	      return;
	    }

	    let output = token.close + (opts.capture ? ')' : '');
	    let rest;

	    if (token.type === 'negate') {
	      let extglobStar = star;

	      if (token.inner && token.inner.length > 1 && token.inner.includes('/')) {
	        extglobStar = globstar(opts);
	      }

	      if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
	        output = token.close = `)$))${extglobStar}`;
	      }

	      if (token.inner.includes('*') && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
	        // Any non-magical string (`.ts`) or even nested expression (`.{ts,tsx}`) can follow after the closing parenthesis.
	        // In this case, we need to parse the string and use it in the output of the original pattern.
	        // Suitable patterns: `/!(*.d).ts`, `/!(*.d).{ts,tsx}`, `**/!(*-dbg).@(js)`.
	        //
	        // Disabling the `fastpaths` option due to a problem with parsing strings as `.ts` in the pattern like `**/!(*.d).ts`.
	        const expression = parse(rest, { ...options, fastpaths: false }).output;

	        output = token.close = `)${expression})${extglobStar})`;
	      }

	      if (token.prev.type === 'bos') {
	        state.negatedExtglob = true;
	      }
	    }

	    push({ type: 'paren', extglob: true, value, output });
	    decrement('parens');
	  };

	  /**
	   * Fast paths
	   */

	  if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
	    let backslashes = false;

	    let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
	      if (first === '\\') {
	        backslashes = true;
	        return m;
	      }

	      if (first === '?') {
	        if (esc) {
	          return esc + first + (rest ? QMARK.repeat(rest.length) : '');
	        }
	        if (index === 0) {
	          return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : '');
	        }
	        return QMARK.repeat(chars.length);
	      }

	      if (first === '.') {
	        return DOT_LITERAL.repeat(chars.length);
	      }

	      if (first === '*') {
	        if (esc) {
	          return esc + first + (rest ? star : '');
	        }
	        return star;
	      }
	      return esc ? m : `\\${m}`;
	    });

	    if (backslashes === true) {
	      if (opts.unescape === true) {
	        output = output.replace(/\\/g, '');
	      } else {
	        output = output.replace(/\\+/g, m => {
	          return m.length % 2 === 0 ? '\\\\' : (m ? '\\' : '');
	        });
	      }
	    }

	    if (output === input && opts.contains === true) {
	      state.output = input;
	      return state;
	    }

	    state.output = utils.wrapOutput(output, state, options);
	    return state;
	  }

	  /**
	   * Tokenize input until we reach end-of-string
	   */

	  while (!eos()) {
	    value = advance();

	    if (value === '\u0000') {
	      continue;
	    }

	    /**
	     * Escaped characters
	     */

	    if (value === '\\') {
	      const next = peek();

	      if (next === '/' && opts.bash !== true) {
	        continue;
	      }

	      if (next === '.' || next === ';') {
	        continue;
	      }

	      if (!next) {
	        value += '\\';
	        push({ type: 'text', value });
	        continue;
	      }

	      // collapse slashes to reduce potential for exploits
	      const match = /^\\+/.exec(remaining());
	      let slashes = 0;

	      if (match && match[0].length > 2) {
	        slashes = match[0].length;
	        state.index += slashes;
	        if (slashes % 2 !== 0) {
	          value += '\\';
	        }
	      }

	      if (opts.unescape === true) {
	        value = advance();
	      } else {
	        value += advance();
	      }

	      if (state.brackets === 0) {
	        push({ type: 'text', value });
	        continue;
	      }
	    }

	    /**
	     * If we're inside a regex character class, continue
	     * until we reach the closing bracket.
	     */

	    if (state.brackets > 0 && (value !== ']' || prev.value === '[' || prev.value === '[^')) {
	      if (opts.posix !== false && value === ':') {
	        const inner = prev.value.slice(1);
	        if (inner.includes('[')) {
	          prev.posix = true;

	          if (inner.includes(':')) {
	            const idx = prev.value.lastIndexOf('[');
	            const pre = prev.value.slice(0, idx);
	            const rest = prev.value.slice(idx + 2);
	            const posix = POSIX_REGEX_SOURCE[rest];
	            if (posix) {
	              prev.value = pre + posix;
	              state.backtrack = true;
	              advance();

	              if (!bos.output && tokens.indexOf(prev) === 1) {
	                bos.output = ONE_CHAR;
	              }
	              continue;
	            }
	          }
	        }
	      }

	      if ((value === '[' && peek() !== ':') || (value === '-' && peek() === ']')) {
	        value = `\\${value}`;
	      }

	      if (value === ']' && (prev.value === '[' || prev.value === '[^')) {
	        value = `\\${value}`;
	      }

	      if (opts.posix === true && value === '!' && prev.value === '[') {
	        value = '^';
	      }

	      prev.value += value;
	      append({ value });
	      continue;
	    }

	    /**
	     * If we're inside a quoted string, continue
	     * until we reach the closing double quote.
	     */

	    if (state.quotes === 1 && value !== '"') {
	      value = utils.escapeRegex(value);
	      prev.value += value;
	      append({ value });
	      continue;
	    }

	    /**
	     * Double quotes
	     */

	    if (value === '"') {
	      state.quotes = state.quotes === 1 ? 0 : 1;
	      if (opts.keepQuotes === true) {
	        push({ type: 'text', value });
	      }
	      continue;
	    }

	    /**
	     * Parentheses
	     */

	    if (value === '(') {
	      increment('parens');
	      push({ type: 'paren', value });
	      continue;
	    }

	    if (value === ')') {
	      if (state.parens === 0 && opts.strictBrackets === true) {
	        throw new SyntaxError(syntaxError('opening', '('));
	      }

	      const extglob = extglobs[extglobs.length - 1];
	      if (extglob && state.parens === extglob.parens + 1) {
	        extglobClose(extglobs.pop());
	        continue;
	      }

	      push({ type: 'paren', value, output: state.parens ? ')' : '\\)' });
	      decrement('parens');
	      continue;
	    }

	    /**
	     * Square brackets
	     */

	    if (value === '[') {
	      if (opts.nobracket === true || !remaining().includes(']')) {
	        if (opts.nobracket !== true && opts.strictBrackets === true) {
	          throw new SyntaxError(syntaxError('closing', ']'));
	        }

	        value = `\\${value}`;
	      } else {
	        increment('brackets');
	      }

	      push({ type: 'bracket', value });
	      continue;
	    }

	    if (value === ']') {
	      if (opts.nobracket === true || (prev && prev.type === 'bracket' && prev.value.length === 1)) {
	        push({ type: 'text', value, output: `\\${value}` });
	        continue;
	      }

	      if (state.brackets === 0) {
	        if (opts.strictBrackets === true) {
	          throw new SyntaxError(syntaxError('opening', '['));
	        }

	        push({ type: 'text', value, output: `\\${value}` });
	        continue;
	      }

	      decrement('brackets');

	      const prevValue = prev.value.slice(1);
	      if (prev.posix !== true && prevValue[0] === '^' && !prevValue.includes('/')) {
	        value = `/${value}`;
	      }

	      prev.value += value;
	      append({ value });

	      // when literal brackets are explicitly disabled
	      // assume we should match with a regex character class
	      if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
	        continue;
	      }

	      const escaped = utils.escapeRegex(prev.value);
	      state.output = state.output.slice(0, -prev.value.length);

	      // when literal brackets are explicitly enabled
	      // assume we should escape the brackets to match literal characters
	      if (opts.literalBrackets === true) {
	        state.output += escaped;
	        prev.value = escaped;
	        continue;
	      }

	      // when the user specifies nothing, try to match both
	      prev.value = `(${capture}${escaped}|${prev.value})`;
	      state.output += prev.value;
	      continue;
	    }

	    /**
	     * Braces
	     */

	    if (value === '{' && opts.nobrace !== true) {
	      increment('braces');

	      const open = {
	        type: 'brace',
	        value,
	        output: '(',
	        outputIndex: state.output.length,
	        tokensIndex: state.tokens.length
	      };

	      braces.push(open);
	      push(open);
	      continue;
	    }

	    if (value === '}') {
	      const brace = braces[braces.length - 1];

	      if (opts.nobrace === true || !brace) {
	        push({ type: 'text', value, output: value });
	        continue;
	      }

	      let output = ')';

	      if (brace.dots === true) {
	        const arr = tokens.slice();
	        const range = [];

	        for (let i = arr.length - 1; i >= 0; i--) {
	          tokens.pop();
	          if (arr[i].type === 'brace') {
	            break;
	          }
	          if (arr[i].type !== 'dots') {
	            range.unshift(arr[i].value);
	          }
	        }

	        output = expandRange(range, opts);
	        state.backtrack = true;
	      }

	      if (brace.comma !== true && brace.dots !== true) {
	        const out = state.output.slice(0, brace.outputIndex);
	        const toks = state.tokens.slice(brace.tokensIndex);
	        brace.value = brace.output = '\\{';
	        value = output = '\\}';
	        state.output = out;
	        for (const t of toks) {
	          state.output += (t.output || t.value);
	        }
	      }

	      push({ type: 'brace', value, output });
	      decrement('braces');
	      braces.pop();
	      continue;
	    }

	    /**
	     * Pipes
	     */

	    if (value === '|') {
	      if (extglobs.length > 0) {
	        extglobs[extglobs.length - 1].conditions++;
	      }
	      push({ type: 'text', value });
	      continue;
	    }

	    /**
	     * Commas
	     */

	    if (value === ',') {
	      let output = value;

	      const brace = braces[braces.length - 1];
	      if (brace && stack[stack.length - 1] === 'braces') {
	        brace.comma = true;
	        output = '|';
	      }

	      push({ type: 'comma', value, output });
	      continue;
	    }

	    /**
	     * Slashes
	     */

	    if (value === '/') {
	      // if the beginning of the glob is "./", advance the start
	      // to the current index, and don't add the "./" characters
	      // to the state. This greatly simplifies lookbehinds when
	      // checking for BOS characters like "!" and "." (not "./")
	      if (prev.type === 'dot' && state.index === state.start + 1) {
	        state.start = state.index + 1;
	        state.consumed = '';
	        state.output = '';
	        tokens.pop();
	        prev = bos; // reset "prev" to the first token
	        continue;
	      }

	      push({ type: 'slash', value, output: SLASH_LITERAL });
	      continue;
	    }

	    /**
	     * Dots
	     */

	    if (value === '.') {
	      if (state.braces > 0 && prev.type === 'dot') {
	        if (prev.value === '.') prev.output = DOT_LITERAL;
	        const brace = braces[braces.length - 1];
	        prev.type = 'dots';
	        prev.output += value;
	        prev.value += value;
	        brace.dots = true;
	        continue;
	      }

	      if ((state.braces + state.parens) === 0 && prev.type !== 'bos' && prev.type !== 'slash') {
	        push({ type: 'text', value, output: DOT_LITERAL });
	        continue;
	      }

	      push({ type: 'dot', value, output: DOT_LITERAL });
	      continue;
	    }

	    /**
	     * Question marks
	     */

	    if (value === '?') {
	      const isGroup = prev && prev.value === '(';
	      if (!isGroup && opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
	        extglobOpen('qmark', value);
	        continue;
	      }

	      if (prev && prev.type === 'paren') {
	        const next = peek();
	        let output = value;

	        if ((prev.value === '(' && !/[!=<:]/.test(next)) || (next === '<' && !/<([!=]|\w+>)/.test(remaining()))) {
	          output = `\\${value}`;
	        }

	        push({ type: 'text', value, output });
	        continue;
	      }

	      if (opts.dot !== true && (prev.type === 'slash' || prev.type === 'bos')) {
	        push({ type: 'qmark', value, output: QMARK_NO_DOT });
	        continue;
	      }

	      push({ type: 'qmark', value, output: QMARK });
	      continue;
	    }

	    /**
	     * Exclamation
	     */

	    if (value === '!') {
	      if (opts.noextglob !== true && peek() === '(') {
	        if (peek(2) !== '?' || !/[!=<:]/.test(peek(3))) {
	          extglobOpen('negate', value);
	          continue;
	        }
	      }

	      if (opts.nonegate !== true && state.index === 0) {
	        negate();
	        continue;
	      }
	    }

	    /**
	     * Plus
	     */

	    if (value === '+') {
	      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
	        extglobOpen('plus', value);
	        continue;
	      }

	      if ((prev && prev.value === '(') || opts.regex === false) {
	        push({ type: 'plus', value, output: PLUS_LITERAL });
	        continue;
	      }

	      if ((prev && (prev.type === 'bracket' || prev.type === 'paren' || prev.type === 'brace')) || state.parens > 0) {
	        push({ type: 'plus', value });
	        continue;
	      }

	      push({ type: 'plus', value: PLUS_LITERAL });
	      continue;
	    }

	    /**
	     * Plain text
	     */

	    if (value === '@') {
	      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
	        push({ type: 'at', extglob: true, value, output: '' });
	        continue;
	      }

	      push({ type: 'text', value });
	      continue;
	    }

	    /**
	     * Plain text
	     */

	    if (value !== '*') {
	      if (value === '$' || value === '^') {
	        value = `\\${value}`;
	      }

	      const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
	      if (match) {
	        value += match[0];
	        state.index += match[0].length;
	      }

	      push({ type: 'text', value });
	      continue;
	    }

	    /**
	     * Stars
	     */

	    if (prev && (prev.type === 'globstar' || prev.star === true)) {
	      prev.type = 'star';
	      prev.star = true;
	      prev.value += value;
	      prev.output = star;
	      state.backtrack = true;
	      state.globstar = true;
	      consume(value);
	      continue;
	    }

	    let rest = remaining();
	    if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
	      extglobOpen('star', value);
	      continue;
	    }

	    if (prev.type === 'star') {
	      if (opts.noglobstar === true) {
	        consume(value);
	        continue;
	      }

	      const prior = prev.prev;
	      const before = prior.prev;
	      const isStart = prior.type === 'slash' || prior.type === 'bos';
	      const afterStar = before && (before.type === 'star' || before.type === 'globstar');

	      if (opts.bash === true && (!isStart || (rest[0] && rest[0] !== '/'))) {
	        push({ type: 'star', value, output: '' });
	        continue;
	      }

	      const isBrace = state.braces > 0 && (prior.type === 'comma' || prior.type === 'brace');
	      const isExtglob = extglobs.length && (prior.type === 'pipe' || prior.type === 'paren');
	      if (!isStart && prior.type !== 'paren' && !isBrace && !isExtglob) {
	        push({ type: 'star', value, output: '' });
	        continue;
	      }

	      // strip consecutive `/**/`
	      while (rest.slice(0, 3) === '/**') {
	        const after = input[state.index + 4];
	        if (after && after !== '/') {
	          break;
	        }
	        rest = rest.slice(3);
	        consume('/**', 3);
	      }

	      // A globstar followed only by balanced closing parens is at the logical end of patterns like
	      // `test(/utils/**)` and `test?(/utils/**)`. Treat it as EOS so the trailing `/**` can match its
	      // parent path, except in negated extglobs where that would change the exclusion semantics.
	      const isEnd = eos() || (
	        state.parens > 0
	        && rest === ')'.repeat(state.parens)
	        && !extglobs.some(extglob => extglob.type === 'negate')
	      );

	      if (prior.type === 'bos' && eos()) {
	        prev.type = 'globstar';
	        prev.value += value;
	        prev.output = globstar(opts);
	        state.output = prev.output;
	        state.globstar = true;
	        consume(value);
	        continue;
	      }

	      if (prior.type === 'slash' && prior.prev.type !== 'bos' && !afterStar && isEnd) {
	        state.output = state.output.slice(0, -(prior.output + prev.output).length);
	        prior.output = `(?:${prior.output}`;

	        prev.type = 'globstar';
	        prev.output = globstar(opts) + (opts.strictSlashes ? ')' : '|$)');
	        prev.value += value;
	        state.globstar = true;
	        state.output += prior.output + prev.output;
	        consume(value);
	        continue;
	      }

	      if (prior.type === 'slash' && prior.prev.type !== 'bos' && rest[0] === '/') {
	        const end = rest[1] !== void 0 ? '|$' : '';

	        state.output = state.output.slice(0, -(prior.output + prev.output).length);
	        prior.output = `(?:${prior.output}`;

	        prev.type = 'globstar';
	        prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
	        prev.value += value;

	        state.output += prior.output + prev.output;
	        state.globstar = true;

	        consume(value + advance());

	        push({ type: 'slash', value: '/', output: '' });
	        continue;
	      }

	      if (prior.type === 'bos' && rest[0] === '/') {
	        prev.type = 'globstar';
	        prev.value += value;
	        prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
	        state.output = prev.output;
	        state.globstar = true;
	        consume(value + advance());
	        push({ type: 'slash', value: '/', output: '' });
	        continue;
	      }

	      // remove single star from output
	      state.output = state.output.slice(0, -prev.output.length);

	      // reset previous token to globstar
	      prev.type = 'globstar';
	      prev.output = globstar(opts);
	      prev.value += value;

	      // reset output with globstar
	      state.output += prev.output;
	      state.globstar = true;
	      consume(value);
	      continue;
	    }

	    const token = { type: 'star', value, output: star };

	    if (opts.bash === true) {
	      token.output = '.*?';
	      if (prev.type === 'bos' || prev.type === 'slash') {
	        token.output = nodot + token.output;
	      }
	      push(token);
	      continue;
	    }

	    if (prev && (prev.type === 'bracket' || prev.type === 'paren') && opts.regex === true) {
	      token.output = value;
	      push(token);
	      continue;
	    }

	    if (state.index === state.start || prev.type === 'slash' || prev.type === 'dot') {
	      if (prev.type === 'dot') {
	        state.output += NO_DOT_SLASH;
	        prev.output += NO_DOT_SLASH;

	      } else if (opts.dot === true) {
	        state.output += NO_DOTS_SLASH;
	        prev.output += NO_DOTS_SLASH;

	      } else {
	        state.output += nodot;
	        prev.output += nodot;
	      }

	      if (peek() !== '*') {
	        state.output += ONE_CHAR;
	        prev.output += ONE_CHAR;
	      }
	    }

	    push(token);
	  }

	  while (state.brackets > 0) {
	    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ']'));
	    state.output = utils.escapeLast(state.output, '[');
	    decrement('brackets');
	  }

	  while (state.parens > 0) {
	    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ')'));
	    state.output = utils.escapeLast(state.output, '(');
	    decrement('parens');
	  }

	  while (state.braces > 0) {
	    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', '}'));
	    state.output = utils.escapeLast(state.output, '{');
	    decrement('braces');
	  }

	  if (opts.strictSlashes !== true && (prev.type === 'star' || prev.type === 'bracket')) {
	    push({ type: 'maybe_slash', value: '', output: `${SLASH_LITERAL}?` });
	  }

	  // rebuild the output if we had to backtrack at any point
	  if (state.backtrack === true) {
	    state.output = '';

	    for (const token of state.tokens) {
	      state.output += token.output != null ? token.output : token.value;

	      if (token.suffix) {
	        state.output += token.suffix;
	      }
	    }
	  }

	  return state;
	};

	/**
	 * Fast paths for creating regular expressions for common glob patterns.
	 * This can significantly speed up processing and has very little downside
	 * impact when none of the fast paths match.
	 */

	parse.fastpaths = (input, options) => {
	  const opts = { ...options };
	  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
	  const len = input.length;
	  if (len > max) {
	    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
	  }

	  input = REPLACEMENTS[input] || input;

	  // create constants based on platform, for windows or posix
	  const {
	    DOT_LITERAL,
	    SLASH_LITERAL,
	    ONE_CHAR,
	    DOTS_SLASH,
	    NO_DOT,
	    NO_DOTS,
	    NO_DOTS_SLASH,
	    STAR,
	    START_ANCHOR
	  } = constants.globChars(opts.windows);

	  const nodot = opts.dot ? NO_DOTS : NO_DOT;
	  const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
	  const capture = opts.capture ? '' : '?:';
	  const state = { negated: false, prefix: '' };
	  let star = opts.bash === true ? '.*?' : STAR;

	  if (opts.capture) {
	    star = `(${star})`;
	  }

	  const globstar = opts => {
	    if (opts.noglobstar === true) return star;
	    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
	  };

	  const create = str => {
	    switch (str) {
	      case '*':
	        return `${nodot}${ONE_CHAR}${star}`;

	      case '.*':
	        return `${DOT_LITERAL}${ONE_CHAR}${star}`;

	      case '*.*':
	        return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

	      case '*/*':
	        return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;

	      case '**':
	        return nodot + globstar(opts);

	      case '**/*':
	        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;

	      case '**/*.*':
	        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

	      case '**/.*':
	        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;

	      default: {
	        const match = /^(.*?)\.(\w+)$/.exec(str);
	        if (!match) return;

	        const source = create(match[1]);
	        if (!source) return;

	        return source + DOT_LITERAL + match[2];
	      }
	    }
	  };

	  const output = utils.removePrefix(input, state);
	  let source = create(output);

	  if (source && opts.strictSlashes !== true) {
	    source += `${SLASH_LITERAL}?`;
	  }

	  return source;
	};

	parse_1 = parse;
	return parse_1;
}

var picomatch_1$1;
var hasRequiredPicomatch$1;

function requirePicomatch$1 () {
	if (hasRequiredPicomatch$1) return picomatch_1$1;
	hasRequiredPicomatch$1 = 1;

	const scan = /*@__PURE__*/ requireScan();
	const parse = /*@__PURE__*/ requireParse();
	const utils = /*@__PURE__*/ requireUtils();
	const constants = /*@__PURE__*/ requireConstants();
	const isObject = val => val && typeof val === 'object' && !Array.isArray(val);

	/**
	 * Creates a matcher function from one or more glob patterns. The
	 * returned function takes a string to match as its first argument,
	 * and returns true if the string is a match. The returned matcher
	 * function also takes a boolean as the second argument that, when true,
	 * returns an object with additional information.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * // picomatch(glob[, options]);
	 *
	 * const isMatch = picomatch('*.!(*a)');
	 * console.log(isMatch('a.a')); //=> false
	 * console.log(isMatch('a.b')); //=> true
	 *
	 * // For environments without `node.js`, `picomatch/posix` provides you a dependency-free matcher, without automatic OS detection.
	 * const picomatch = require('picomatch/posix');
	 * // the same API, defaulting to posix paths
	 * const isMatch = picomatch('a/*');
	 * console.log(isMatch('a\\b')); //=> false
	 * console.log(isMatch('a/b')); //=> true
	 *
	 * // you can still configure the matcher function to accept windows paths
	 * const isMatch = picomatch('a/*', { options: windows });
	 * console.log(isMatch('a\\b')); //=> true
	 * console.log(isMatch('a/b')); //=> true
	 * ```
	 * @name picomatch
	 * @param {String|Array} `globs` One or more glob patterns.
	 * @param {Object=} `options`
	 * @return {Function=} Returns a matcher function.
	 * @api public
	 */

	const picomatch = (glob, options, returnState = false) => {
	  if (Array.isArray(glob)) {
	    const fns = glob.map(input => picomatch(input, options, returnState));
	    const arrayMatcher = str => {
	      for (const isMatch of fns) {
	        const state = isMatch(str);
	        if (state) return state;
	      }
	      return false;
	    };
	    return arrayMatcher;
	  }

	  const isState = isObject(glob) && glob.tokens && glob.input;

	  if (glob === '' || (typeof glob !== 'string' && !isState)) {
	    throw new TypeError('Expected pattern to be a non-empty string');
	  }

	  const opts = options || {};
	  const posix = opts.windows;
	  const regex = isState
	    ? picomatch.compileRe(glob, options)
	    : picomatch.makeRe(glob, options, false, true);

	  const state = regex.state;
	  delete regex.state;

	  let isIgnored = () => false;
	  if (opts.ignore) {
	    const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
	    isIgnored = picomatch(opts.ignore, ignoreOpts, returnState);
	  }

	  const matcher = (input, returnObject = false) => {
	    const { isMatch, match, output } = picomatch.test(input, regex, options, { glob, posix });
	    const result = { glob, state, regex, posix, input, output, match, isMatch };

	    if (typeof opts.onResult === 'function') {
	      opts.onResult(result);
	    }

	    if (isMatch === false) {
	      result.isMatch = false;
	      return returnObject ? result : false;
	    }

	    if (isIgnored(input)) {
	      if (typeof opts.onIgnore === 'function') {
	        opts.onIgnore(result);
	      }
	      result.isMatch = false;
	      return returnObject ? result : false;
	    }

	    if (typeof opts.onMatch === 'function') {
	      opts.onMatch(result);
	    }
	    return returnObject ? result : true;
	  };

	  if (returnState) {
	    matcher.state = state;
	  }

	  return matcher;
	};

	/**
	 * Test `input` with the given `regex`. This is used by the main
	 * `picomatch()` function to test the input string.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * // picomatch.test(input, regex[, options]);
	 *
	 * console.log(picomatch.test('foo/bar', /^(?:([^/]*?)\/([^/]*?))$/));
	 * // { isMatch: true, match: [ 'foo/', 'foo', 'bar' ], output: 'foo/bar' }
	 * ```
	 * @param {String} `input` String to test.
	 * @param {RegExp} `regex`
	 * @return {Object} Returns an object with matching info.
	 * @api public
	 */

	picomatch.test = (input, regex, options, { glob, posix } = {}) => {
	  if (typeof input !== 'string') {
	    throw new TypeError('Expected input to be a string');
	  }

	  if (input === '') {
	    return { isMatch: false, output: '' };
	  }

	  const opts = options || {};
	  const format = opts.format || (posix ? utils.toPosixSlashes : null);
	  let match = input === glob;
	  let output = (match && format) ? format(input) : input;

	  if (match === false) {
	    output = format ? format(input) : input;
	    match = output === glob;
	  }

	  if (match === false || opts.capture === true) {
	    if (opts.matchBase === true || opts.basename === true) {
	      match = picomatch.matchBase(input, regex, options, posix);
	    } else {
	      match = regex.exec(output);
	    }
	  }

	  return { isMatch: Boolean(match), match, output };
	};

	/**
	 * Match the basename of a filepath.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * // picomatch.matchBase(input, glob[, options]);
	 * console.log(picomatch.matchBase('foo/bar.js', '*.js'); // true
	 * ```
	 * @param {String} `input` String to test.
	 * @param {RegExp|String} `glob` Glob pattern or regex created by [.makeRe](#makeRe).
	 * @return {Boolean}
	 * @api public
	 */

	picomatch.matchBase = (input, glob, options, posix = options && options.windows) => {
	  const regex = glob instanceof RegExp ? glob : picomatch.makeRe(glob, options);
	  return regex.test(utils.basename(input, { windows: posix }));
	};

	/**
	 * Returns true if **any** of the given glob `patterns` match the specified `string`.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * // picomatch.isMatch(string, patterns[, options]);
	 *
	 * console.log(picomatch.isMatch('a.a', ['b.*', '*.a'])); //=> true
	 * console.log(picomatch.isMatch('a.a', 'b.*')); //=> false
	 * ```
	 * @param {String|Array} str The string to test.
	 * @param {String|Array} patterns One or more glob patterns to use for matching.
	 * @param {Object} [options] See available [options](#options).
	 * @return {Boolean} Returns true if any patterns match `str`
	 * @api public
	 */

	picomatch.isMatch = (str, patterns, options) => picomatch(patterns, options)(str);

	/**
	 * Parse a glob pattern to create the source string for a regular
	 * expression.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * const result = picomatch.parse(pattern[, options]);
	 * ```
	 * @param {String} `pattern`
	 * @param {Object} `options`
	 * @return {Object} Returns an object with useful properties and output to be used as a regex source string.
	 * @api public
	 */

	picomatch.parse = (pattern, options) => {
	  if (Array.isArray(pattern)) return pattern.map(p => picomatch.parse(p, options));
	  return parse(pattern, { ...options, fastpaths: false });
	};

	/**
	 * Scan a glob pattern to separate the pattern into segments.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * // picomatch.scan(input[, options]);
	 *
	 * const result = picomatch.scan('!./foo/*.js');
	 * console.log(result);
	 * { prefix: '!./',
	 *   input: '!./foo/*.js',
	 *   start: 3,
	 *   base: 'foo',
	 *   glob: '*.js',
	 *   isBrace: false,
	 *   isBracket: false,
	 *   isGlob: true,
	 *   isExtglob: false,
	 *   isGlobstar: false,
	 *   negated: true }
	 * ```
	 * @param {String} `input` Glob pattern to scan.
	 * @param {Object} `options`
	 * @return {Object} Returns an object with
	 * @api public
	 */

	picomatch.scan = (input, options) => scan(input, options);

	/**
	 * Compile a regular expression from the `state` object returned by the
	 * [parse()](#parse) method.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * const state = picomatch.parse('*.js');
	 * // picomatch.compileRe(state[, options]);
	 *
	 * console.log(picomatch.compileRe(state));
	 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
	 * ```
	 * @param {Object} `state`
	 * @param {Object} `options`
	 * @param {Boolean} `returnOutput` Intended for implementors, this argument allows you to return the raw output from the parser.
	 * @param {Boolean} `returnState` Adds the state to a `state` property on the returned regex. Useful for implementors and debugging.
	 * @return {RegExp}
	 * @api public
	 */

	picomatch.compileRe = (state, options, returnOutput = false, returnState = false) => {
	  if (returnOutput === true) {
	    return state.output;
	  }

	  const opts = options || {};
	  const prepend = opts.contains ? '' : '^';
	  const append = opts.contains ? '' : '$';

	  let source = `${prepend}(?:${state.output})${append}`;
	  if (state && state.negated === true) {
	    source = `^(?!${source}).*$`;
	  }

	  const regex = picomatch.toRegex(source, options);
	  if (returnState === true) {
	    regex.state = state;
	  }

	  return regex;
	};

	/**
	 * Create a regular expression from a parsed glob pattern.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * // picomatch.makeRe(state[, options]);
	 *
	 * const result = picomatch.makeRe('*.js');
	 * console.log(result);
	 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
	 * ```
	 * @param {String} `state` The object returned from the `.parse` method.
	 * @param {Object} `options`
	 * @param {Boolean} `returnOutput` Implementors may use this argument to return the compiled output, instead of a regular expression. This is not exposed on the options to prevent end-users from mutating the result.
	 * @param {Boolean} `returnState` Implementors may use this argument to return the state from the parsed glob with the returned regular expression.
	 * @return {RegExp} Returns a regex created from the given pattern.
	 * @api public
	 */

	picomatch.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
	  if (!input || typeof input !== 'string') {
	    throw new TypeError('Expected a non-empty string');
	  }

	  let parsed = { negated: false, fastpaths: true };

	  if (options.fastpaths !== false && (input[0] === '.' || input[0] === '*')) {
	    parsed.output = parse.fastpaths(input, options);
	  }

	  if (!parsed.output) {
	    parsed = parse(input, options);
	  }

	  return picomatch.compileRe(parsed, options, returnOutput, returnState);
	};

	/**
	 * Create a regular expression from the given regex source string.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * // picomatch.toRegex(source[, options]);
	 *
	 * const { output } = picomatch.parse('*.js');
	 * console.log(picomatch.toRegex(output));
	 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
	 * ```
	 * @param {String} `source` Regular expression source string.
	 * @param {Object} `options`
	 * @return {RegExp}
	 * @api public
	 */

	picomatch.toRegex = (source, options) => {
	  try {
	    const opts = options || {};
	    return new RegExp(source, opts.flags || (opts.nocase ? 'i' : ''));
	  } catch (err) {
	    if (options && options.debug === true) throw err;
	    return /$^/;
	  }
	};

	/**
	 * Picomatch constants.
	 * @return {Object}
	 */

	picomatch.constants = constants;

	/**
	 * Expose "picomatch"
	 */

	picomatch_1$1 = picomatch;
	return picomatch_1$1;
}

var picomatch_1;
var hasRequiredPicomatch;

function requirePicomatch () {
	if (hasRequiredPicomatch) return picomatch_1;
	hasRequiredPicomatch = 1;

	const pico = /*@__PURE__*/ requirePicomatch$1();
	const utils = /*@__PURE__*/ requireUtils();

	function picomatch(glob, options, returnState = false) {
	  // default to os.platform()
	  if (options && (options.windows === null || options.windows === undefined)) {
	    // don't mutate the original options object
	    options = { ...options, windows: utils.isWindows() };
	  }

	  return pico(glob, options, returnState);
	}

	Object.assign(picomatch, pico);
	picomatch_1 = picomatch;
	return picomatch_1;
}

var picomatchExports = /*@__PURE__*/ requirePicomatch();
var picomatch = /*@__PURE__*/getDefaultExportFromCjs(picomatchExports);

/** Default manifest globs: every YAML file in the repository. */
const DEFAULT_PATH_GLOBS = ['**/*.yaml', '**/*.yml'];
/** Which repository paths hold manifests to analyse: any include matches and no `!exclude` does. */
function makePathFilter(globs) {
    const include = globs.filter((g) => !g.startsWith('!'));
    const exclude = globs.filter((g) => g.startsWith('!')).map((g) => g.slice(1));
    const included = picomatch(include.length > 0 ? include : DEFAULT_PATH_GLOBS, { dot: true });
    const excluded = exclude.length > 0 ? picomatch(exclude, { dot: true }) : () => false;
    return (path) => included(path) && !excluded(path);
}

/** Bumped whenever a field changes meaning or goes away; new fields do not bump it. */
const JSON_REPORT_VERSION = 1;
function toJsonCheckReport(findings, diagnostics, entryCount) {
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of findings)
        counts[f.severity]++;
    return { version: JSON_REPORT_VERSION, kind: 'check', entryCount, counts, findings: [...findings], diagnostics: [...diagnostics] };
}
function atOrAbove(findings, level) {
    if (level === 'never')
        return [];
    return findings.filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[level]);
}

/**
 * Text from a pull request (hosts, names, paths, messages) is untrusted: it
 * must not break a table, open HTML, mention people or plant links.
 */
function escapeMarkdown(text) {
    return text
        .replace(/[\r\n]+/g, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/\|/g, '&#124;')
        .replace(/([\\`*_[\]~])/g, '\\$1')
        // A zero-width joiner after @ keeps `@team` from notifying anyone.
        .replace(/@/g, '@\u200d')
        // Bare URLs are autolinked by GitHub; breaking the scheme keeps them inert.
        .replace(/:\/\//g, ':&#47;&#47;');
}
/** Inline code that no backtick run inside the value can close early. */
function inlineCode(text) {
    // GFM turns \| back into | inside table cells, code spans included.
    const clean = text.replace(/[\r\n]+/g, ' ').replace(/\|/g, '\\|');
    const longest = Math.max(0, ...[...clean.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(longest + 1);
    const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${clean}${pad}${fence}`;
}
/** A fence longer than any backtick run in the body, for ```suggestion and ```diff blocks. */
function codeFence(body) {
    const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
    return '`'.repeat(Math.max(3, longest + 1));
}
/** For text inside HTML tags (<summary>), where Markdown escapes would show literally. */
function escapeHtml(text) {
    return text
        .replace(/[\r\n]+/g, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;')
        .replace(/@/g, '@\u200d')
        .replace(/:\/\//g, ':&#47;&#47;');
}

/** The same change as a ```diff block, for lines outside the pull request's diff. */
function diffBlock(change) {
    const body = [
        `@@ ${change.path} lines ${change.startLine}-${change.endLine} @@`,
        ...change.originalLines.map((l) => `-${l}`),
        ...change.replacementLines.map((l) => `+${l}`),
    ].join('\n');
    const fence = codeFence(body);
    return `${fence}diff\n${body}\n${fence}`;
}
/** Every verified fix of a finding, each with its cost and a diff per file. */
function suggestionsSection(suggestions) {
    if (suggestions.length === 0)
        return '';
    return [
        '**Verified fixes** (each was applied to the head set and re-analysed: this collision is gone, nothing new appears, and the manifest passes the ServiceEntry CRD schema and CEL rules):',
        '',
        ...suggestions.map((s, i) => [
            `${i + 1}. ${escapeMarkdown(s.title)} (${inlineCode(s.kind)}). *Cost:* ${escapeMarkdown(s.cost)}`,
            '',
            ...s.changes.map((c) => indent(diffBlock(c))),
        ].join('\n')),
    ].join('\n');
}
function indent(block) {
    return block.split('\n').map((l) => `   ${l}`).join('\n');
}

const SEVERITY_BADGE = { error: '🔴 error', warning: '🟠 warning', info: '🔵 info' };
/** A findings report with no base to compare against (the CLI's markdown format). */
function renderFindingsMarkdown(findings, diagnostics, entryCount, ctx = {}) {
    const rows = findings.map((finding) => ({ status: 'existing', finding, newEntryRefs: [] }));
    const counts = countBySeverity(findings);
    const sections = [
        `### ServiceEntry Guard\n\n${findings.length === 0 ? '✅ No listener collisions' : `${plural(findings.length, 'listener collision', 'listener collisions')} (${counts})`} among ${plural(entryCount, 'ServiceEntry', 'ServiceEntries')}.`,
        rows.length > 0 ? findingsTable(rows, ctx) : '',
        ...findings.map((f) => findingDetails(f, ctx)),
        diagnosticsSection(diagnostics, ctx),
    ];
    return fitWithin(sections, ctx);
}
function findingsTable(rows, ctx, withStatus) {
    const header = `| ${''}Severity | Port | Listener | Protocol | Hosts | Namespaces | Wins | Shadowed | Where |`;
    const rule = `|${''} --- | ---: | --- | --- | --- | --- | --- | --- | --- |`;
    const lines = rows.map(({ status, finding: f }) => {
        const winners = f.entries.filter((e) => e.role === 'winner');
        const open = f.entries.filter((e) => e.role === 'undetermined');
        const losers = f.entries.filter((e) => e.role === 'shadowed');
        const cells = [
            ...([]),
            SEVERITY_BADGE[f.severity],
            String(f.port),
            inlineCode(f.listener),
            escapeMarkdown(f.protocols.join(', ')),
            f.entries.flatMap((e) => e.hosts).filter((h, i, all) => all.indexOf(h) === i).map(inlineCode).join('<br>'),
            f.namespaces.map((n) => (n === '*' ? 'all' : inlineCode(n))).join(', '),
            winners.length > 0 ? refs(winners) : open.length > 0 ? `undetermined: ${refs(open)}` : '—',
            losers.length > 0 ? refs(losers) : '—',
            f.entries.map((e) => locationLink(e.portLocation, ctx)).join('<br>'),
        ];
        return `| ${cells.join(' | ')} |`;
    });
    return [header, rule, ...lines].join('\n');
}
function findingDetails(f, ctx, open, suggestions = []) {
    return [
        `<details${' open' }><summary>${SEVERITY_BADGE[f.severity]} <code>${escapeHtml(f.listener)}</code>: ${escapeHtml(f.title)}</summary>`,
        '',
        escapeMarkdown(f.explanation),
        '',
        entryList(f.entries, ctx),
        '',
        '**Fixes, best first:**',
        ...f.fixes.map((fix, i) => `${i + 1}. ${escapeProse(fix)}`),
        '',
        suggestionsSection(suggestions),
        '',
        `<sub>rule ${escapeHtml(f.rule)} · id ${escapeHtml(f.id)}</sub>`,
        '</details>',
    ].join('\n');
}
function entryList(entries, ctx) {
    return entries.map((e) => {
        const scope = e.role === 'winner' ? 'wins' : e.role === 'shadowed' ? 'shadowed' : 'undetermined';
        const where = e.losesFor.length > 0 && e.winsFor.length > 0 ? ` (wins for ${nsList(e.winsFor)}, shadowed for ${nsList(e.losesFor)})` : '';
        return `- **${scope}**${where}: ${inlineCode(`${e.namespace}/${e.name}`)} ${e.hosts.map(inlineCode).join(', ')} ${escapeMarkdown(e.protocol)} at ${locationLink(e.portLocation, ctx)}`;
    }).join('\n');
}
function diagnosticsSection(diagnostics, ctx, changed) {
    if (diagnostics.length === 0)
        return '';
    const relevant = diagnostics;
    const lines = relevant.map((d) => `- ${SEVERITY_BADGE[d.severity]} ${locationLink(d.location, ctx)}: ${escapeMarkdown(d.message)}${''}`);
    return `<details open><summary>Files that could not be fully read (${diagnostics.length})</summary>\n\n${lines.join('\n')}\n</details>`;
}
function locationLink(location, ctx) {
    const label = escapeMarkdown(`${location.path}:${location.line}`);
    const url = ctx.blobUrl?.(location.path, location.line);
    return url ? `[${label}](${url.replace(/[()\s<>]/g, encodeURIComponent)})` : label;
}
function refs(entries) {
    return entries.map((e) => inlineCode(`${e.namespace}/${e.name}`)).join('<br>');
}
function nsList(namespaces) {
    return namespaces.map((n) => (n === '*' ? 'all other namespaces' : escapeMarkdown(n))).join(', ');
}
function countBySeverity(findings) {
    const order = ['error', 'warning', 'info'];
    return order
        .map((s) => [s, findings.filter((f) => f.severity === s).length])
        .filter(([, n]) => n > 0)
        .map(([s, n]) => `${n} ${s}${n > 1 && s !== 'info' ? 's' : ''}`)
        .join(', ');
}
/** Our own prose keeps its `code` spans; only what came from manifests inside it is untrusted, and it is plain text. */
function escapeProse(text) {
    return text.split(/(`[^`]*`)/).map((part, i) => (i % 2 === 1 ? inlineCode(part.slice(1, -1)) : escapeMarkdown(part))).join('');
}
/**
 * Adds sections in order of importance while they fit, then says what was
 * left out and where to read it.
 */
function fitWithin(sections, ctx) {
    const body = sections.filter(Boolean);
    const max = ctx.maxLength ?? Number.POSITIVE_INFINITY;
    const full = body.join('\n\n');
    if (full.length <= max)
        return full;
    const note = `\n\n> ⚠️ This report was cut to fit GitHub's comment size limit. ${escapeMarkdown(ctx.fullReportHint ?? 'The full report is in the job summary of this check run.')}`;
    const kept = [];
    let length = note.length;
    for (const section of body) {
        const cost = section.length + 2;
        if (length + cost > max) {
            // A long table is still worth its first rows; a cut-off details block is not.
            if (section.startsWith('|'))
                kept.push(truncateLines(section, max - length - 2));
            break;
        }
        kept.push(section);
        length += cost;
    }
    return kept.join('\n\n') + note;
}
function truncateLines(section, budget) {
    const lines = section.split('\n');
    const out = [];
    let used = 0;
    for (const line of lines) {
        if (used + line.length + 1 > budget)
            break;
        out.push(line);
        used += line.length + 1;
    }
    return out.join('\n');
}
function plural(n, one, many) {
    return `${n} ${n === 1 ? one : many}`;
}

/** Terminal output: one block per finding, most severe first, then unreadable files. */
function renderFindingsText(findings, diagnostics, entryCount) {
    const out = [];
    for (const f of findings) {
        out.push(`${f.severity.toUpperCase()} ${f.rule} ${f.listener} (port ${f.port}, ${f.protocols.join('/')})  [${f.id}]`);
        out.push(`  ${oneLine(f.title)}`);
        out.push(`  consumers: ${f.namespaces.map((n) => (n === '*' ? 'all namespaces' : n)).join(', ')}`);
        for (const e of f.entries) {
            out.push(`  - ${e.role.padEnd(12)} ${e.namespace}/${e.name} ${e.hosts.join(', ')} ${e.protocol}  ${formatLocation(e.portLocation)}`);
        }
        out.push(...wrap(oneLine(f.explanation), 100).map((l) => `  ${l}`));
        out.push('  fixes:');
        f.fixes.forEach((fix, i) => out.push(...wrap(oneLine(fix), 96).map((l, j) => (j === 0 ? `   ${i + 1}. ${l}` : `      ${l}`))));
        out.push('');
    }
    for (const d of diagnostics)
        out.push(`${formatLocation(d.location)}: ${d.severity}: ${oneLine(d.message)} [${d.code}]`);
    if (diagnostics.length > 0)
        out.push('');
    out.push(findings.length === 0
        ? `No listener collisions among ${entryCount} ServiceEntries.`
        : `${findings.length} finding${findings.length > 1 ? 's' : ''} among ${entryCount} ServiceEntries.`);
    return out.join('\n');
}
/** Terminal control characters from a manifest must not reach the terminal. */
function oneLine(text) {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
}
function wrap(text, width) {
    const lines = [];
    let line = '';
    for (const word of text.split(' ')) {
        if (line && line.length + word.length + 1 > width) {
            lines.push(line);
            line = word;
        }
        else {
            line = line ? `${line} ${word}` : word;
        }
    }
    if (line)
        lines.push(line);
    return lines;
}

const EXIT_CLEAN = 0;
const EXIT_FINDINGS = 1;
const EXIT_USAGE = 2;
const FORMATS = ['text', 'markdown', 'json'];
const LEVELS = ['error', 'warning', 'info', 'never'];
const USAGE = `Usage: serviceentry-guard check [paths...] [options]

Finds Istio ServiceEntry listener collisions in YAML manifests.
Paths are files or directories (default: .); directories are searched for --include globs.

Options:
  --format text|markdown|json   output format (default: text)
  --fail-level LEVEL            exit 1 when a finding is at or above LEVEL:
                                error, warning, info or never (default: error)
  --default-namespace NS        namespace of manifests that set none (default: default)
  --auto-allocate               consumers run DNS capture with IP auto-allocation
  --mesh-default-export-to NS   MeshConfig defaultServiceExportTo, repeatable (default: *)
  --root-namespace NS           Istio root namespace for mesh-wide Sidecars (default: istio-system)
  --include GLOB                manifest globs under directories, repeatable; !GLOB excludes
                                (default: ${DEFAULT_PATH_GLOBS.join(', ')})
  --output FILE                 write the report to FILE instead of standard output
  -h, --help                    show this help

Exit codes: 0 no finding at or above --fail-level, 1 findings at or above it, 2 usage or I/O error.
`;
/** The CLI as a function of its arguments, so tests need no child process. */
async function runCli(argv, io) {
    let parsed;
    try {
        parsed = parseArgs({
            args: [...argv],
            allowPositionals: true,
            options: {
                format: { type: 'string', default: 'text' },
                'fail-level': { type: 'string', default: 'error' },
                'default-namespace': { type: 'string', default: 'default' },
                'auto-allocate': { type: 'boolean', default: false },
                'mesh-default-export-to': { type: 'string', multiple: true },
                'root-namespace': { type: 'string', default: 'istio-system' },
                include: { type: 'string', multiple: true },
                output: { type: 'string' },
                help: { type: 'boolean', short: 'h', default: false },
            },
        });
    }
    catch (error) {
        io.stderr(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
        return EXIT_USAGE;
    }
    const { values, positionals } = parsed;
    if (values.help) {
        io.stdout(USAGE);
        return EXIT_CLEAN;
    }
    const [command, ...paths] = positionals;
    if (command !== 'check') {
        io.stderr(`${command === undefined ? 'missing command' : `unknown command ${JSON.stringify(command)}`}\n\n${USAGE}`);
        return EXIT_USAGE;
    }
    const format = values.format;
    const failLevel = values['fail-level'];
    if (!FORMATS.includes(format) || !LEVELS.includes(failLevel)) {
        io.stderr(`--format must be one of ${FORMATS.join(', ')} and --fail-level one of ${LEVELS.join(', ')}\n\n${USAGE}`);
        return EXIT_USAGE;
    }
    let read;
    try {
        read = await readManifestFiles(paths.length > 0 ? paths : ['.'], { filter: makePathFilter(values.include ?? DEFAULT_PATH_GLOBS), cwd: io.cwd });
    }
    catch (error) {
        io.stderr(`serviceentry-guard: ${error instanceof Error ? error.message : String(error)}\n`);
        return EXIT_USAGE;
    }
    const loaded = loadSources(read.files, { defaultNamespace: values['default-namespace'] });
    loaded.diagnostics.unshift(...read.diagnostics);
    const result = analyze(loaded, {
        mesh: {
            autoAllocate: values['auto-allocate'],
            rootNamespace: values['root-namespace'],
            ...(values['mesh-default-export-to'] ? { defaultExportTo: values['mesh-default-export-to'] } : {}),
        },
    });
    const output = format === 'json'
        ? `${JSON.stringify(toJsonCheckReport(result.findings, result.diagnostics, result.entryCount), null, 2)}\n`
        : format === 'markdown'
            ? `${renderFindingsMarkdown(result.findings, result.diagnostics, result.entryCount)}\n`
            : `${renderFindingsText(result.findings, result.diagnostics, result.entryCount)}\n`;
    if (values.output) {
        try {
            await writeFile(values.output, output);
        }
        catch (error) {
            io.stderr(`serviceentry-guard: cannot write ${values.output}: ${error instanceof Error ? error.message : String(error)}\n`);
            return EXIT_USAGE;
        }
    }
    else {
        io.stdout(output);
    }
    return atOrAbove(result.findings, failLevel).length > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
}

const code = await runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
});
process.exitCode = code;
