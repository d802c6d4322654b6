#!/usr/bin/env node
// Runs the schema validation of the engines editors use, headless, over documents.
//
//   node tests/editors/engines.js < request.json > response.json
//
// request:  {"engine": "json" | "yaml",
//            "schemas": [{"uri": "...", "fileMatch": ["..."], "schema": {...}?}],
//            "documents": [{"uri": "file:///.../config.json", "text": "..."}],
//            "hovers": {"<uri>": [[line, column]...]}?, "completions": {"<uri>": [[line, column]...]}?}
//            (hovers and completions: json engine only)
// response: {"engine": {"name", "version"},
//            "results": [{"uri", "diagnostics": [{"line", "column", "endLine", "endColumn",
//                                                 "severity", "message", "source"}],
//                         "hovers": [markdown | null], "completions": [[label...]]}]}
// Lines and columns are 1-based, like provlint's. Schemas are read from file: URIs only; any
// other URI fails to load (no network), exactly as an editor without network access would.
//
// "json" is vscode-json-languageservice, the engine of VS Code's JSON support, configured as
// VS Code's `json.schemas` setting configures it. "yaml" is yaml-language-server (Red Hat's
// YAML extension for VS Code, and the YAML server of Neovim, Helix, Zed...), driven through
// the language-service API its LSP server wraps; its schema comes from the
// `# yaml-language-server: $schema=...` modeline or the `yaml.schemas` setting.
"use strict";

const fs = require("fs");
const { URI, Utils } = require("vscode-uri");

function readStdin() {
  return fs.readFileSync(0, "utf8");
}

function schemaRequestService(uri) {
  const parsed = URI.parse(uri);
  if (parsed.scheme !== "file") {
    return Promise.reject(new Error(`no network: cannot load ${uri}`));
  }
  return fs.promises.readFile(parsed.fsPath, "utf8");
}

const workspaceContext = {
  resolveRelativePath(relativePath, resource) {
    return Utils.resolvePath(Utils.dirname(URI.parse(resource)), relativePath).toString();
  },
};

function packageVersion(name) {
  return require(`${name}/package.json`).version;
}

function plain(diagnostic) {
  const { start, end } = diagnostic.range;
  return {
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    severity: diagnostic.severity,
    message: diagnostic.message,
    source: diagnostic.source || null,
  };
}

async function runJson(request) {
  const json = require("vscode-json-languageservice");
  const service = json.getLanguageService({ schemaRequestService, workspaceContext });
  // What VS Code's json.schemas setting becomes: {uri (the setting's url), fileMatch, schema}.
  service.configure({ validate: true, allowComments: false, schemas: request.schemas });
  const results = [];
  for (const { uri, text } of request.documents) {
    const document = json.TextDocument.create(uri, "json", 1, text);
    const parsed = service.parseJSONDocument(document);
    const diagnostics = await service.doValidation(document, parsed, {
      comments: "error",
      trailingCommas: "error",
      schemaValidation: "error",
      schemaRequest: "error",
    });
    const result = { uri, diagnostics: diagnostics.map(plain) };
    // Optional: what the editor shows on hover and offers for completion at 1-based positions.
    for (const [field, run] of [["hovers", hover], ["completions", complete]]) {
      const positions = (request[field] || {})[uri];
      if (positions) {
        result[field] = [];
        for (const [line, column] of positions) {
          result[field].push(await run(service, document, parsed, { line: line - 1, character: column - 1 }));
        }
      }
    }
    results.push(result);
  }
  return { engine: { name: "vscode-json-languageservice", version: packageVersion("vscode-json-languageservice") }, results };
}

async function hover(service, document, parsed, position) {
  const found = await service.doHover(document, position, parsed);
  if (!found) {
    return null;
  }
  const contents = Array.isArray(found.contents) ? found.contents : [found.contents];
  return contents.map((c) => (typeof c === "string" ? c : c.value)).join("\n");
}

async function complete(service, document, parsed, position) {
  const list = await service.doComplete(document, position, parsed);
  return list ? list.items.map((item) => item.label) : [];
}

async function runYaml(request) {
  const { getLanguageService } = require("yaml-language-server/lib/umd/languageservice/yamlLanguageService");
  const { TextDocument } = require("vscode-languageserver-textdocument");
  const service = getLanguageService({ schemaRequestService, workspaceContext });
  // VS Code YAML's defaults: validate, YAML 1.2, no custom tags.
  service.configure({
    validate: true,
    hover: true,
    completion: true,
    yamlVersion: "1.2",
    customTags: [],
    schemas: request.schemas.map((s) => ({ priority: 3, ...s, fileMatch: s.fileMatch || [] })),
  });
  const results = [];
  for (const { uri, text } of request.documents) {
    const document = TextDocument.create(uri, "yaml", 1, text);
    const diagnostics = await service.doValidation(document, false);
    results.push({ uri, diagnostics: diagnostics.map(plain) });
  }
  return { engine: { name: "yaml-language-server", version: packageVersion("yaml-language-server") }, results };
}

async function main() {
  const request = JSON.parse(readStdin());
  const run = { json: runJson, yaml: runYaml }[request.engine];
  if (!run) {
    throw new Error(`unknown engine ${request.engine}`);
  }
  process.stdout.write(JSON.stringify(await run(request)) + "\n");
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
