package corpus

import "strings"

// lang is one language or configuration format of the corpus.
type lang struct {
	ext    string
	dir    string
	weight int // share among filler files
	// block appends one piece of ordinary, scope-free content.
	block func(g *gen)
	// header and footer, when set, open and close a file.
	header, footer func(g *gen)
}

// langs lists the formats with weights like those of a polyglot
// application monorepo: much TypeScript, Go, Python, YAML and Markdown.
var langs = []lang{
	{ext: "go", dir: "services", weight: 14, block: goBlock, header: goHeader},
	{ext: "ts", dir: "web/src", weight: 14, block: jsBlock, header: jsHeader},
	{ext: "js", dir: "web/lib", weight: 6, block: jsBlock, header: jsHeader},
	{ext: "py", dir: "tools", weight: 10, block: pyBlock, header: pyHeader},
	{ext: "java", dir: "backend/src/main/java", weight: 6, block: javaBlock, header: javaHeader, footer: closeBrace},
	{ext: "kt", dir: "android/app/src", weight: 3, block: kotlinBlock, header: kotlinHeader},
	{ext: "cs", dir: "dotnet", weight: 3, block: csBlock, header: csHeader, footer: closeBrace},
	{ext: "rb", dir: "rails/app", weight: 3, block: rubyBlock, header: rubyHeader, footer: rubyFooter},
	{ext: "php", dir: "php/src", weight: 2, block: phpBlock, header: phpHeader, footer: closeBrace},
	{ext: "rs", dir: "crates", weight: 2, block: rustBlock, header: rustHeader},
	{ext: "swift", dir: "ios", weight: 2, block: swiftBlock, header: swiftHeader},
	{ext: "yaml", dir: "deploy", weight: 10, block: yamlBlock},
	{ext: "json", dir: "config", weight: 6, block: jsonBlock, header: jsonHeader, footer: jsonFooter},
	{ext: "toml", dir: "config", weight: 2, block: tomlBlock},
	{ext: "properties", dir: "backend/src/main/resources", weight: 1, block: propertiesBlock},
	{ext: "tf", dir: "infra", weight: 3, block: hclBlock},
	{ext: "xml", dir: "backend", weight: 2, block: xmlBlock, header: xmlHeader, footer: xmlFooter},
	{ext: "sh", dir: "scripts", weight: 3, block: shellBlock, header: shellHeader},
	{ext: "md", dir: "docs", weight: 7, block: mdBlock},
	{ext: "html", dir: "web/public", weight: 1, block: htmlBlock, header: htmlHeader, footer: htmlFooter},
}

// pickLang returns a language by weight.
func (g *gen) pickLang() lang {
	total := 0
	for _, l := range langs {
		total += l.weight
	}
	n := g.r.IntN(total)
	for _, l := range langs {
		if n < l.weight {
			return l
		}
		n -= l.weight
	}
	return langs[0]
}

func langOf(ext string) lang {
	for _, l := range langs {
		if l.ext == ext {
			return l
		}
	}
	panic("corpus: no language " + ext)
}

// fileSize returns a target size: most files are a few kilobytes, a few
// are large.
func (g *gen) fileSize() int {
	switch n := g.r.IntN(20); {
	case n == 0:
		return g.between(20<<10, 60<<10)
	case n < 6:
		return g.between(6<<10, 20<<10)
	default:
		return g.between(1<<10, 6<<10)
	}
}

// fillerFile writes a scope-free file, or one in ten times a file that
// uses "scope" outside OAuth.
func (g *gen) fillerFile() (dir, base string) {
	l := g.pickLang()
	size := g.fileSize()
	if l.header != nil {
		l.header(g)
	}
	nonOAuth := g.r.IntN(10) == 0
	for g.b.Len() < size {
		if nonOAuth && g.r.IntN(3) == 0 {
			nonOAuthBlock(g, l.ext)
			nonOAuth = false
		}
		l.block(g)
	}
	if l.footer != nil {
		l.footer(g)
	}
	return l.dir, g.snake(1) + "." + l.ext
}

func closeBrace(g *gen) { g.printf("}\n") }

func goHeader(g *gen) {
	g.printf("// Package %s %s\npackage %s\n\nimport (\n\t\"context\"\n\t\"errors\"\n\t\"fmt\"\n\t\"net/http\"\n\t\"time\"\n)\n\n", g.noun(), strings.ToLower(g.sentence(8)), g.noun())
}

func goBlock(g *gen) {
	t, f, n := g.pascal(2), g.camel(1), g.noun()
	g.printf(`// %[1]s holds the %[3]s state of one request.
type %[1]s struct {
	ID        string    `+"`json:\"id\"`"+`
	Name      string    `+"`json:\"name\"`"+`
	Count     int       `+"`json:\"count,omitempty\"`"+`
	UpdatedAt time.Time `+"`json:\"updated_at\"`"+`
}

// %[2]s %[4]s
func %[2]s(ctx context.Context, w http.ResponseWriter, r *http.Request, items []%[1]s) error {
	if len(items) == 0 {
		return errors.New("no %[3]s to %[5]s")
	}
	deadline, ok := ctx.Deadline()
	if ok && time.Until(deadline) < 50*time.Millisecond {
		http.Error(w, "too late for %[3]s", http.StatusServiceUnavailable)
		return fmt.Errorf("%[2]s: deadline %%v", deadline)
	}
	total := 0
	for i, it := range items {
		if it.Count < 0 {
			return fmt.Errorf("item %%d (%%s): negative count %%d", i, it.ID, it.Count)
		}
		total += it.Count
	}
	w.Header().Set("Content-Type", "application/json")
	_, err := fmt.Fprintf(w, "{\"total\": %%d, \"kind\": %%q}\n", total, "%[3]s")
	return err
}

`, t, f, n, strings.ToLower(g.sentence(10)), g.pick(verbs))
}

func jsHeader(g *gen) {
	g.printf("import { %s } from \"./%s\";\nimport { useEffect, useState } from \"react\";\n\n", g.camel(1), g.noun())
}

func jsBlock(g *gen) {
	f, n, t := g.camel(1), g.noun(), g.pascal(1)
	g.printf(`/**
 * %[4]s
 */
export async function %[1]s(api, id, options = {}) {
  const url = `+"`/api/v2/%[2]ss/${encodeURIComponent(id)}?limit=${options.limit ?? 50}`"+`;
  const res = await api.get(url, { headers: { Accept: "application/json" }, retries: 3 });
  if (!res.ok) {
    throw new Error(`+"`%[2]s ${id}: ${res.status} ${res.statusText}`"+`);
  }
  const items = (await res.json()).items.filter((x) => x.state !== "deleted");
  return items.map((x, i) => ({ ...x, index: i, label: x.name || "untitled %[2]s" }));
}

export function %[3]sView({ items, onSelect }) {
  const [selected, setSelected] = useState(null);
  useEffect(() => {
    if (selected) onSelect(selected);
  }, [selected]);
  return (
    <ul className="%[2]s-list">
      {items.map((it) => (
        <li key={it.id} onClick={() => setSelected(it)}>{it.label}</li>
      ))}
    </ul>
  );
}

`, f, n, t, g.sentence(12))
}

func pyHeader(g *gen) {
	g.printf("\"\"\"%s\"\"\"\n\nimport json\nimport logging\nfrom dataclasses import dataclass\n\nlog = logging.getLogger(__name__)\n\n", g.sentence(9))
}

func pyBlock(g *gen) {
	f, n, t := g.snake(2), g.noun(), g.pascal(2)
	g.printf(`@dataclass
class %[3]s:
    id: str
    name: str = ""
    count: int = 0


def %[1]s(rows, threshold=10):
    """%[4]s"""
    out = {}
    for i, row in enumerate(rows):
        if row.get("count", 0) < threshold:
            log.debug("skipping %[2]s %%s at %%d", row.get("id"), i)
            continue
        key = f"{row['id']}:{row.get('name', 'unnamed')}"
        out[key] = %[3]s(id=row["id"], name=row.get("name", ""), count=row["count"])
    with open("/tmp/%[2]s.json", "w", encoding="utf-8") as fh:
        json.dump({k: v.count for k, v in out.items()}, fh, indent=2)
    return out


`, f, n, t, g.sentence(10))
}

func javaHeader(g *gen) {
	g.printf("package com.example.%s;\n\nimport java.util.ArrayList;\nimport java.util.List;\nimport java.util.Map;\n\npublic class %s {\n", g.noun(), g.pascal(2))
}

func javaBlock(g *gen) {
	f, n, t := g.camel(1), g.noun(), g.pascal(1)
	g.printf(`
    /** %[4]s */
    public List<%[3]s> %[1]s(Map<String, Object> params, int limit) {
        List<%[3]s> out = new ArrayList<>();
        for (int i = 0; i < limit; i++) {
            Object v = params.get("%[2]s." + i);
            if (v == null) {
                continue;
            }
            out.add(new %[3]s(String.valueOf(v), "%[2]s-" + i));
        }
        log.info("loaded {} %[2]s records", out.size());
        return out;
    }
`, f, n, t, g.sentence(10))
}

func kotlinHeader(g *gen) {
	g.printf("package com.example.%s\n\nimport android.os.Bundle\nimport kotlinx.coroutines.launch\n\n", g.noun())
}

func kotlinBlock(g *gen) {
	f, n, t := g.camel(1), g.noun(), g.pascal(2)
	g.printf(`/** %[4]s */
data class %[3]s(val id: String, val name: String = "", val count: Int = 0)

fun %[1]s(items: List<%[3]s>, limit: Int = 20): Map<String, Int> {
    val out = mutableMapOf<String, Int>()
    for ((i, it) in items.withIndex()) {
        if (i >= limit) break
        out["${it.id}/%[2]s"] = it.count * 2
    }
    println("loaded ${out.size} %[2]s entries")
    return out
}

`, f, n, t, g.sentence(10))
}

func csHeader(g *gen) {
	g.printf("using System;\nusing System.Collections.Generic;\nusing System.Linq;\n\nnamespace Example.%s\n{\n", g.pascal(1))
}

func csBlock(g *gen) {
	f, n, t := g.pascal(2), g.noun(), g.pascal(1)
	g.printf(`    /// <summary>%[4]s</summary>
    public sealed class %[3]s%[1]s
    {
        public string Id { get; init; } = "";
        public int Count { get; set; }

        public IEnumerable<string> %[1]s(IDictionary<string, int> values, int limit = 10)
        {
            return values.Where(kv => kv.Value > limit)
                         .Select(kv => $"{kv.Key}:%[2]s:{kv.Value}")
                         .OrderBy(s => s, StringComparer.Ordinal);
        }
    }

`, f, n, t, g.sentence(10))
}

func rubyHeader(g *gen) {
	g.printf("# frozen_string_literal: true\n\nmodule %s\n", g.pascal(1))
}

func rubyFooter(g *gen) { g.printf("end\n") }

func rubyBlock(g *gen) {
	f, n, t := g.snake(1), g.noun(), g.pascal(2)
	g.printf(`  # %[4]s
  class %[3]s
    attr_reader :id, :name

    def initialize(id, name = "untitled")
      @id = id
      @name = name
    end

    def %[1]s(rows, limit: 10)
      rows.select { |r| r[:count].to_i > limit }
          .map { |r| "#{r[:id]}-%[2]s-#{r[:count]}" }
    end
  end

`, f, n, t, g.sentence(10))
}

func phpHeader(g *gen) {
	g.printf("<?php\n\nnamespace App\\%s;\n\nclass %s\n{\n", g.pascal(1), g.pascal(2))
}

func phpBlock(g *gen) {
	f, n := g.camel(1), g.noun()
	g.printf(`    /** %[3]s */
    public function %[1]s(array $rows, int $limit = 10): array
    {
        $out = [];
        foreach ($rows as $i => $row) {
            if (($row['count'] ?? 0) < $limit) {
                continue;
            }
            $out["{$row['id']}-%[2]s"] = sprintf('%%s:%%d', $row['name'] ?? 'none', $i);
        }
        return $out;
    }

`, f, n, g.sentence(10))
}

func rustHeader(g *gen) {
	g.printf("//! %s\n\nuse std::collections::HashMap;\nuse std::fmt;\n\n", g.sentence(9))
}

func rustBlock(g *gen) {
	f, n, t := g.snake(1), g.noun(), g.pascal(2)
	g.printf(`/// %[4]s
#[derive(Debug, Clone, Default)]
pub struct %[3]s {
    pub id: String,
    pub count: u32,
}

pub fn %[1]s(items: &[%[3]s], limit: u32) -> HashMap<String, u32> {
    let mut out = HashMap::new();
    for (i, it) in items.iter().enumerate() {
        if it.count < limit {
            continue;
        }
        out.insert(format!("{}-%[2]s-{}", it.id, i), it.count);
    }
    out
}

impl fmt::Display for %[3]s {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "%[2]s {} ({})", self.id, self.count)
    }
}

`, f, n, t, g.sentence(10))
}

func swiftHeader(g *gen) {
	g.printf("import Foundation\nimport UIKit\n\n")
}

func swiftBlock(g *gen) {
	f, n, t := g.camel(1), g.noun(), g.pascal(2)
	g.printf(`/// %[4]s
struct %[3]s: Codable {
    let id: String
    var count: Int = 0
}

func %[1]s(_ items: [%[3]s], limit: Int = 10) -> [String: Int] {
    var out: [String: Int] = [:]
    for (i, it) in items.enumerated() where it.count >= limit {
        out["\(it.id)-%[2]s-\(i)"] = it.count
    }
    print("loaded \(out.count) %[2]s items")
    return out
}

`, f, n, t, g.sentence(10))
}

func yamlBlock(g *gen) {
	n := g.noun()
	g.printf(`---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: %[1]s-%[2]d
  labels: {app: %[1]s, tier: "backend"}
spec:
  replicas: %[3]d
  selector:
    matchLabels:
      app: %[1]s
  template:
    metadata:
      labels:
        app: %[1]s
    spec:
      containers:
        - name: %[1]s
          image: "registry.example.com/%[1]s:1.%[2]d.0"
          ports:
            - containerPort: 8080
          env:
            - name: LOG_LEVEL
              value: info
            - name: %[4]s_URL
              value: 'postgres://db.internal:5432/%[1]s'
          args: [--port, "8080", --workers, "4"]
          resources:
            limits: {cpu: 500m, memory: 256Mi}
          command:
            - /bin/sh
            - -c
            - |
              echo "starting %[1]s"
              exec /app/server --config /etc/%[1]s.yaml
`, n, g.between(1, 99), g.between(1, 5), strings.ToUpper(n))
}

func jsonHeader(g *gen) { g.printf("{\n  \"name\": \"%s\",\n  \"items\": [\n", g.noun()) }

func jsonFooter(g *gen) { g.printf("    {\"id\": \"end\"}\n  ]\n}\n") }

func jsonBlock(g *gen) {
	n := g.noun()
	g.printf(`    {
      "id": "%[1]s-%[2]d",
      "title": "%[3]s",
      "enabled": %[4]t,
      "weight": %[2]d.5,
      "tags": ["%[1]s", "%[5]s", "v%[2]d"],
      "owner": {"name": "%[5]s team", "email": "%[5]s@example.com"}
    },
`, n, g.between(1, 999), g.sentence(6), g.r.IntN(2) == 0, g.noun())
}

func tomlBlock(g *gen) {
	n := g.noun()
	g.printf(`[%[1]s]
name = "%[1]s-%[2]d"
enabled = true
timeout_ms = %[2]d
tags = ["%[1]s", "%[3]s"]

[%[1]s.limits]
max = %[2]d
burst = 10

`, n, g.between(1, 999), g.noun())
}

func propertiesBlock(g *gen) {
	n := g.noun()
	g.printf("# %[3]s\napp.%[1]s.enabled=true\napp.%[1]s.url=https://%[1]s.example.com/api\napp.%[1]s.timeout=%[2]d\napp.%[1]s.name=%[1]s service\n\n", n, g.between(1, 999), g.sentence(7))
}

func hclBlock(g *gen) {
	n := g.noun()
	g.printf(`resource "google_storage_bucket" "%[1]s_%[2]d" {
  name          = "%[1]s-%[2]d-assets"
  location      = "EU"
  force_destroy = false

  labels = {
    team = "%[3]s"
    env  = "prod"
  }

  lifecycle_rule {
    condition {
      age = %[2]d
    }
    action {
      type = "Delete"
    }
  }
}

`, n, g.between(1, 999), g.noun())
}

func xmlHeader(g *gen) {
	g.printf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n  <dependencies>\n")
}

func xmlFooter(g *gen) { g.printf("  </dependencies>\n</project>\n") }

func xmlBlock(g *gen) {
	g.printf("    <dependency>\n      <groupId>org.example.%s</groupId>\n      <artifactId>%s-%s</artifactId>\n      <version>1.%d.0</version>\n    </dependency>\n", g.noun(), g.noun(), g.noun(), g.between(0, 30))
}

func shellHeader(g *gen) { g.printf("#!/usr/bin/env bash\nset -euo pipefail\n\n") }

func shellBlock(g *gen) {
	f, n := g.snake(1), g.noun()
	g.printf(`# %[3]s
%[1]s() {
  local dir="${1:-/var/lib/%[2]s}" count=0
  for f in "$dir"/*.json; do
    [ -e "$f" ] || continue
    count=$((count + 1))
    echo "processing $f ($count)"
  done
  curl -fsS -H "Content-Type: application/json" "https://api.example.com/%[2]s?limit=50" >/dev/null
}

`, f, n, g.sentence(8))
}

func mdBlock(g *gen) {
	n := g.noun()
	g.printf("## %[1]s\n\n%[2]s %[3]s %[4]s\n\n- %[5]s\n- %[6]s\n\n```sh\nmake %[7]s && ./bin/%[7]s --%[8]s=10\n```\n\n", strings.ToUpper(n[:1])+n[1:], g.sentence(12), g.sentence(9), g.sentence(14), g.sentence(6), g.sentence(7), n, g.noun())
}

func htmlHeader(g *gen) {
	g.printf("<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>%s</title></head>\n<body>\n", g.noun())
}

func htmlFooter(g *gen) { g.printf("</body>\n</html>\n") }

func htmlBlock(g *gen) {
	n := g.noun()
	g.printf("<section class=\"%[1]s\">\n  <h2>%[2]s</h2>\n  <p>%[3]s</p>\n  <a href=\"/%[1]s?page=2\">next</a>\n</section>\n", n, g.sentence(4), g.sentence(15))
}
