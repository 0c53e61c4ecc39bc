package corpus

// nonOAuthBlock appends content that uses the word "scope" the way code
// that has nothing to do with OAuth does: lexical scopes, DI and test
// fixture scopes, Kubernetes CRDs, Maven dependency scopes, CSS. scopels
// must read past all of it without a finding.
func nonOAuthBlock(g *gen, ext string) {
	n := g.noun()
	switch ext {
	case "go":
		g.printf("// %[1]sNames returns the names declared in the package scope.\nfunc %[1]sNames(pkg *types.Package) []string {\n\tscope := pkg.Scope()\n\treturn scope.Names()\n}\n\n", n)
	case "ts", "js":
		g.printf("Sentry.withScope((scope) => {\n  scope.setTag(\"%[1]s\", \"batch\");\n  Sentry.captureMessage(\"%[1]s failed\");\n});\n\n", n)
	case "py":
		g.printf("@pytest.fixture(scope=\"module\")\ndef %[1]s_db():\n    return connect(\"sqlite://\")\n\n\n", n)
	case "java":
		g.printf("    @Bean\n    @Scope(\"prototype\")\n    public %[1]s %[2]s() { return new %[1]s(); }\n", g.pascal(1), g.camel(1))
	case "kt":
		g.printf("fun %[1]s() = CoroutineScope(Dispatchers.IO).launch { println(\"%[2]s\") }\n\n", g.camel(1), n)
	case "cs":
		g.printf("    // services.AddScoped<I%[1]s, %[1]s>();\n    // using var s = logger.BeginScope(\"%[2]s {Id}\", id);\n\n", g.pascal(1), n)
	case "rb":
		g.printf("  scope :active_%[1]s, -> { where(active: true) }\n\n", n)
	case "php":
		g.printf("    public function scopeActive($query) { return $query->where('%[1]s', 1); }\n\n", n)
	case "rs":
		g.printf("pub fn par_%[1]s(v: &mut [u32]) {\n    rayon::scope(|s| { s.spawn(|_| v.sort()); });\n}\n\n", n)
	case "swift":
		g.printf("// container.register(%[1]s.self) { _ in %[1]s() }.inObjectScope(.container)\n\n", g.pascal(1))
	case "yaml":
		g.printf("---\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: %[1]ss.example.com\nspec:\n  group: example.com\n  scope: Namespaced\n  names: {kind: %[2]s, plural: %[1]ss}\n", n, g.pascal(1))
	case "json":
		g.printf("    {\"id\": \"%[1]s-setting\", \"scope\": \"resource\", \"type\": \"boolean\"},\n", n)
	case "toml":
		g.printf("[tool.pytest.ini_options]\nasyncio_default_fixture_loop_scope = \"function\"\n\n")
	case "properties":
		g.printf("ldap.%[1]s.search.scope=subtree\n\n", n)
	case "tf":
		g.printf("resource \"azurerm_role_assignment\" \"%[1]s\" {\n  scope                = azurerm_resource_group.main.id\n  role_definition_name = \"Reader\"\n}\n\n", n)
	case "xml":
		g.printf("    <dependency>\n      <groupId>org.junit.jupiter</groupId>\n      <artifactId>junit-jupiter</artifactId>\n      <scope>test</scope>\n    </dependency>\n")
	case "sh":
		g.printf("# Keep the scope of these variables local to the function.\n%[1]s_env() { local scope_dir=/tmp/%[1]s; echo \"$scope_dir\"; }\n\n", n)
	case "md":
		g.printf("## Scope\n\nThis document covers the %[1]s service only; the scope of the %[2]s rewrite is tracked elsewhere.\n\n", n, g.noun())
	case "html":
		g.printf("<style scoped>\n  .%[1]s { color: #333; }\n</style>\n", n)
	}
}
