package extract

import (
	"slices"
	"testing"
)

func TestExtractHCL(t *testing.T) {
	const E = EscapeBackslash
	const gke = "resource/google_container_cluster/primary/"
	const vm = "resource/google_compute_instance/vm/"
	scRun(t, extractHCL, []scCase{
		{
			name: "GKE node pool",
			src: `# GKE cluster
resource "google_container_cluster" "primary" {
  name     = "my-gke-cluster"
  location = "us-central1"

  node_config {
    service_account = google_service_account.default.email
    oauth_scopes = [
      "https://www.googleapis.com/auth/cloud-platform", // everything
      "https://www.googleapis.com/auth/logging.write",
    ]
    labels = { env = "prod", "team" : "infra" }
  }
}
`,
			want: []scWant{
				{Text: "my-gke-cluster", Quote: `"`, Esc: E, Key: "name", Path: gke + "name"},
				{Text: "us-central1", Quote: `"`, Esc: E, Key: "location", Path: gke + "location"},
				{Text: "https://www.googleapis.com/auth/cloud-platform", Quote: `"`, Esc: E, Key: "oauth_scopes", Path: gke + "node_config/oauth_scopes", List: 1},
				{Text: "https://www.googleapis.com/auth/logging.write", Quote: `"`, Esc: E, Key: "oauth_scopes", Path: gke + "node_config/oauth_scopes", List: 1},
				{Text: "prod", Quote: `"`, Esc: E, Key: "env", Path: gke + "node_config/labels/env"},
				{Text: "infra", Quote: `"`, Esc: E, Key: "team", Path: gke + "node_config/labels/team"},
			},
		},
		{
			name: "compute instance service account",
			src: `resource "google_compute_instance" "vm" {
  machine_type = "e2-medium"
  service_account {
    email  = "sa@proj.iam.gserviceaccount.com"
    scopes = ["cloud-platform", "storage-ro"]
  }
  metadata_startup_script = <<-EOT
    echo "not a literal"
    EOT
  tags = concat(["a"], var.extra, "b")
  name = "vm-${var.env}"
  x    = var.m["key"]
  esc  = "a\tb $${literal}"
}
`,
			want: []scWant{
				{Text: "e2-medium", Quote: `"`, Esc: E, Key: "machine_type", Path: vm + "machine_type"},
				{Text: "sa@proj.iam.gserviceaccount.com", Quote: `"`, Esc: E, Key: "email", Path: vm + "service_account/email"},
				{Text: "cloud-platform", Quote: `"`, Esc: E, Key: "scopes", Path: vm + "service_account/scopes", List: 1},
				{Text: "storage-ro", Quote: `"`, Esc: E, Key: "scopes", Path: vm + "service_account/scopes", List: 1},
				{Text: "a", Quote: `"`, Esc: E, Key: "tags", Path: vm + "tags", Call: "concat", List: 2},
				{Text: "b", Quote: `"`, Esc: E, Key: "tags", Path: vm + "tags", Call: "concat", List: 3},
				{Text: "key", Quote: `"`, Esc: E, Path: vm + "x"},
				{Text: `a\tb $${literal}`, Val: "a\tb ${literal}", Quote: `"`, Esc: E, Key: "esc", Path: vm + "esc"},
			},
		},
		{
			name: "variables, providers, azuread, okta",
			src: `variable "oauth_scopes" {
  type    = list(string)
  default = ["openid"] /* the minimum */
}
resource "azuread_application" "app" {
  api {
    oauth2_permission_scope {
      value = "user_impersonation"
    }
  }
  required_resource_access {
    resource_app_id = "00000003-0000-0000-c000-000000000000"
    resource_access { id = "e1fe6dd8-ba31-4d61-89e7-88639da4683d" }
  }
}
resource "okta_auth_server_scope" "s" { name = "read:reports" }
resource "auth0_client_grant" "g" { scopes = ["read:users", "update:users"] }
`,
			want: []scWant{
				{Text: "openid", Quote: `"`, Esc: E, Key: "default", Path: "variable/oauth_scopes/default", List: 1},
				{Text: "user_impersonation", Quote: `"`, Esc: E, Key: "value", Path: "resource/azuread_application/app/api/oauth2_permission_scope/value"},
				{Text: "00000003-0000-0000-c000-000000000000", Quote: `"`, Esc: E, Key: "resource_app_id", Path: "resource/azuread_application/app/required_resource_access/resource_app_id"},
				{Text: "e1fe6dd8-ba31-4d61-89e7-88639da4683d", Quote: `"`, Esc: E, Key: "id", Path: "resource/azuread_application/app/required_resource_access/resource_access/id"},
				{Text: "read:reports", Quote: `"`, Esc: E, Key: "name", Path: "resource/okta_auth_server_scope/s/name"},
				{Text: "read:users", Quote: `"`, Esc: E, Key: "scopes", Path: "resource/auth0_client_grant/g/scopes", List: 2},
				{Text: "update:users", Quote: `"`, Esc: E, Key: "scopes", Path: "resource/auth0_client_grant/g/scopes", List: 2},
			},
		},
		{
			name: "for expressions, conditionals, tfvars",
			src: `scopes = [for s in var.names : "https://www.googleapis.com/auth/${s}"]
upper  = { for k, v in var.m : k => "x" }
mode   = var.strict ? "strict" : "lax"
nested = {
  google = {
    scopes = ["email"]
  }
}
`,
			want: []scWant{
				{Text: "x", Quote: `"`, Esc: E, Key: "upper", Path: "upper"},
				{Text: "strict", Quote: `"`, Esc: E, Key: "mode", Path: "mode"},
				{Text: "lax", Quote: `"`, Esc: E, Key: "mode", Path: "mode"},
				{Text: "email", Quote: `"`, Esc: E, Key: "scopes", Path: "nested/google/scopes", List: 1},
			},
		},
		{
			name: "one-line blocks and block comments",
			src: `provider "google" { scopes = ["email"] }
/* a "quoted"
   comment */
locals { x = "y" } # done
`,
			want: []scWant{
				{Text: "email", Quote: `"`, Esc: E, Key: "scopes", Path: "provider/google/scopes", List: 1},
				{Text: "y", Quote: `"`, Esc: E, Key: "x", Path: "locals/x"},
			},
		},
		{
			name: "unterminated strings and heredocs",
			src:  "a = \"open\nb = \"ok\"\nc = <<EOT\nnever closed\nd = \"lost\"\n",
			want: []scWant{
				{Text: "ok", Quote: `"`, Esc: E, Key: "b", Path: "b"},
			},
		},
		{
			name: "CRLF, NUL, invalid UTF-8",
			src:  "a = \"x\xff\x00\"\r\nb {\r\n  c = \"y\"\r\n}\r\n",
			want: []scWant{
				{Text: "x\xff\x00", Quote: `"`, Esc: E, Key: "a", Path: "a"},
				{Text: "y", Quote: `"`, Esc: E, Key: "c", Path: "b/c"},
			},
		},
	})
}

func TestExtractHCLOffsets(t *testing.T) {
	src := []byte(`a = "x\u00e9y"`)
	lits := extractHCL(src)
	if len(lits) != 1 {
		t.Fatalf("got %d literals", len(lits))
	}
	if l := lits[0]; l.Value != "xéy" || !slices.Equal(l.Offsets, []int{5, 6, 6, 12, 13}) {
		t.Errorf("Value %q Offsets %v", l.Value, l.Offsets)
	}
}

func FuzzExtractHCL(f *testing.F) {
	for _, s := range append(slices.Clone(scSeeds), hclBenchSample, "a = {", "b \"c\" {", "x = \"${\"", "/*") {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { scFuzz(t, extractHCL, data) })
}

const hclBenchSample = `resource "google_container_node_pool" "primary_nodes" {
  name       = "${var.cluster_name}-pool"
  location   = var.region
  cluster    = google_container_cluster.primary.name
  node_count = 3

  node_config {
    machine_type    = "e2-standard-4"
    service_account = google_service_account.nodes.email
    oauth_scopes = [
      "https://www.googleapis.com/auth/cloud-platform",
      "https://www.googleapis.com/auth/logging.write", # logs
    ]
    labels = { env = "prod", team = "infra" }
    tags   = concat(["gke-node"], var.extra_tags)
  }
}

`

func BenchmarkExtractHCL(b *testing.B) {
	scBench(b, extractHCL, scBenchSource(hclBenchSample, 1<<20))
}
