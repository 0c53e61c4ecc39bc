package project

import (
	"encoding/json"
	"os"
	"reflect"
	"sort"
	"testing"
)

// schemaNode is the part of a JSON Schema the test reads.
type schemaNode struct {
	Ref                  string                 `json:"$ref"`
	Properties           map[string]*schemaNode `json:"properties"`
	AdditionalProperties json.RawMessage        `json:"additionalProperties"`
	Definitions          map[string]*schemaNode `json:"definitions"`
	Enum                 []any                  `json:"enum"`
}

func sortedKeys[V any](m map[string]V) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func sorted(list []string) []string {
	out := append([]string(nil), list...)
	sort.Strings(out)
	return out
}

// TestSchemaMatchesParser checks that docs/scopels.schema.json lists
// exactly the keys and values the parser accepts, and rejects other keys
// where the parser does.
func TestSchemaMatchesParser(t *testing.T) {
	data, err := os.ReadFile("../docs/scopels.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var root schemaNode
	if err := json.Unmarshal(data, &root); err != nil {
		t.Fatalf("schema is not valid JSON: %v", err)
	}
	def := func(ref string) *schemaNode {
		const prefix = "#/definitions/"
		if len(ref) <= len(prefix) || root.Definitions[ref[len(prefix):]] == nil {
			t.Fatalf("bad $ref %q", ref)
		}
		return root.Definitions[ref[len(prefix):]]
	}
	additionalRef := func(n *schemaNode) *schemaNode {
		var sub schemaNode
		if err := json.Unmarshal(n.AdditionalProperties, &sub); err != nil || sub.Ref == "" {
			t.Fatalf("additionalProperties should be a $ref, got %s", n.AdditionalProperties)
		}
		return def(sub.Ref)
	}
	closed := func(name string, n *schemaNode) {
		if string(n.AdditionalProperties) != "false" {
			t.Errorf("%s: additionalProperties should be false (the parser rejects unknown keys), got %s", name, n.AdditionalProperties)
		}
	}
	enumStrings := func(n *schemaNode) []string {
		var out []string
		for _, v := range n.Enum {
			if s, ok := v.(string); ok {
				out = append(out, s)
			}
		}
		return sorted(out)
	}

	closed("top level", &root)
	if got, want := sortedKeys(root.Properties), sorted(topKeys[:]); !reflect.DeepEqual(got, want) {
		t.Errorf("top-level keys: schema %v, parser %v", got, want)
	}
	provider := additionalRef(root.Properties["providers"])
	closed("provider", provider)
	if got, want := sortedKeys(provider.Properties), sorted(providerKeys[:]); !reflect.DeepEqual(got, want) {
		t.Errorf("provider keys: schema %v, parser %v", got, want)
	}
	client := additionalRef(root.Properties["clients"])
	closed("client", client)
	if got, want := sortedKeys(client.Properties), sorted(clientKeys[:]); !reflect.DeepEqual(got, want) {
		t.Errorf("client keys: schema %v, parser %v", got, want)
	}
	severity := root.Properties["severity"]
	closed("severity", severity)
	if got, want := sortedKeys(severity.Properties), sorted(checkCodes[:]); !reflect.DeepEqual(got, want) {
		t.Errorf("severity codes: schema %v, parser %v", got, want)
	}
	for code, n := range severity.Properties {
		if got, want := enumStrings(def(n.Ref)), sorted(severityLevels[:]); !reflect.DeepEqual(got, want) {
			t.Errorf("severity.%s values: schema %v, parser %v", code, got, want)
		}
	}
	if got, want := enumStrings(provider.Properties["delimiter"]), sorted(delimiterNames[:]); !reflect.DeepEqual(got, want) {
		t.Errorf("delimiter values: schema %v, parser %v", got, want)
	}
}
