//! `/api/docs`: a readable API reference, rendered once from the same OpenAPI document that
//! `/api/openapi.json` serves (no scripts, no CDN, nothing inline).

use std::fmt::Write;

use consentry_model::templates::escape_html;
use serde_json::Value;

fn esc(text: &str) -> String {
    let mut out = String::new();
    escape_html(text, &mut out);
    out
}

/// The name a `$ref` points at (`#/components/schemas/Record` → `Record`).
fn schema_name(schema: &Value) -> Option<String> {
    if let Some(r) = schema["$ref"].as_str() {
        return r.rsplit('/').next().map(str::to_owned);
    }
    if schema["type"] == "array" {
        return schema_name(&schema["items"]).map(|n| format!("[{n}]"));
    }
    schema["type"].as_str().map(str::to_owned)
}

/// The whole page.
pub fn render(doc: &Value) -> String {
    let mut html = String::from(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Consentry API reference</title>\n</head>\n<body>\n<main>\n",
    );
    let info = &doc["info"];
    let _ = write!(
        html,
        "<h1>Consentry API reference</h1>\n<p>{}</p>\n<p>Version {} · machine-readable: \
         <a href=\"/api/openapi.json\">OpenAPI 3.1 document</a></p>\n",
        esc(info["description"].as_str().unwrap_or_default()),
        esc(info["version"].as_str().unwrap_or_default()),
    );
    html.push_str(
        "<h2 id=\"authentication\">Authentication</h2>\n<ul>\n\
         <li><strong>API key</strong>: <code>Authorization: Bearer ck_…</code>, a key from \
         Setup › API keys. Each route below that takes keys names the scope it needs in its \
         403 answer; keys work only within their organisation.</li>\n\
         <li><strong>Session</strong>: the cookie the admin app gets from \
         <code>POST /api/v1/session</code>; writes also send \
         <code>X-Requested-With: consentry</code>.</li>\n</ul>\n\
         <p>Every POST may carry <code>Idempotency-Key</code>: a retry with the same key gets \
         the first answer again. Errors are JSON: <code>{\"error\": code, \"message\": …, \
         \"field\": …}</code>, where <code>field</code> names the request field at fault.</p>\n",
    );
    let tags: Vec<(String, String)> = doc["tags"]
        .as_array()
        .map(|tags| {
            tags.iter()
                .map(|t| {
                    (
                        t["name"].as_str().unwrap_or_default().to_owned(),
                        t["description"].as_str().unwrap_or_default().to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let paths = doc["paths"].as_object().cloned().unwrap_or_default();
    for (tag, description) in &tags {
        let _ = write!(
            html,
            "<section aria-labelledby=\"tag-{0}\">\n<h2 id=\"tag-{0}\">{1}</h2>\n<p>{2}</p>\n",
            esc(tag),
            esc(tag),
            esc(description)
        );
        for (path, item) in &paths {
            for method in ["get", "post", "put", "patch", "delete"] {
                let operation = &item[method];
                let in_tag = operation["tags"]
                    .as_array()
                    .is_some_and(|t| t.iter().any(|x| x == tag.as_str()));
                if !in_tag {
                    continue;
                }
                operation_html(&mut html, method, path, operation);
            }
        }
        html.push_str("</section>\n");
    }
    html.push_str("</main>\n</body>\n</html>\n");
    html
}

fn operation_html(html: &mut String, method: &str, path: &str, operation: &Value) {
    let _ = write!(
        html,
        "<article>\n<h3><code>{} {}</code></h3>\n",
        method.to_uppercase(),
        esc(path)
    );
    for part in ["summary", "description"] {
        if let Some(text) = operation[part].as_str() {
            let _ = writeln!(html, "<p>{}</p>", esc(text));
        }
    }
    let keys = operation["security"]
        .as_array()
        .is_some_and(|s| s.iter().any(|x| x.get("api_key").is_some()));
    let _ = writeln!(
        html,
        "<p>Authentication: {}</p>",
        if keys {
            "session or API key"
        } else if operation.get("security").is_some() {
            "session (people only)"
        } else {
            "none (public)"
        }
    );
    if let Some(parameters) = operation["parameters"].as_array().filter(|p| !p.is_empty()) {
        html.push_str(
            "<table>\n<caption>Parameters</caption>\n<thead><tr><th scope=\"col\">Name</th>\
             <th scope=\"col\">In</th><th scope=\"col\">Required</th>\
             <th scope=\"col\">Description</th></tr></thead>\n<tbody>\n",
        );
        for p in parameters {
            let _ = writeln!(
                html,
                "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(p["name"].as_str().unwrap_or_default()),
                esc(p["in"].as_str().unwrap_or_default()),
                if p["required"] == true { "yes" } else { "no" },
                esc(p["description"].as_str().unwrap_or_default()),
            );
        }
        html.push_str("</tbody>\n</table>\n");
    }
    if let Some(body) = operation["requestBody"]["content"].as_object() {
        for (media, content) in body {
            let _ = writeln!(
                html,
                "<p>Request body: <code>{}</code> {}</p>",
                esc(media),
                esc(&schema_name(&content["schema"]).unwrap_or_default())
            );
        }
    }
    if let Some(responses) = operation["responses"].as_object() {
        html.push_str("<ul>\n");
        for (status, response) in responses {
            let schema = response["content"]
                .as_object()
                .and_then(|c| c.values().next())
                .and_then(|c| schema_name(&c["schema"]))
                .map(|n| format!(" → <code>{}</code>", esc(&n)))
                .unwrap_or_default();
            let _ = writeln!(
                html,
                "<li><strong>{}</strong> {}{}</li>",
                esc(status),
                esc(response["description"].as_str().unwrap_or_default()),
                schema
            );
        }
        html.push_str("</ul>\n");
    }
    html.push_str("</article>\n");
}
