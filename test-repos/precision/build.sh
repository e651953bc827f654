#!/usr/bin/env bash
# Precision fixture: real-looking application code full of things that look like secrets and are
# not — placeholders, templates, hashes, UUIDs, pinned git SHAs, lock-file integrity hashes, a
# minified bundle. It must yield nothing above `low` (see expected.jsonl: the public keys a browser
# bundle is meant to carry, a local development database, the weak default passwords of a compose
# file, and weak passwords in tests, at `info`).
# usage: build.sh DIR
source "$(dirname "$0")/../lib.sh"
fixture_init "$1"

# Deterministic "random" material, derived from a seed string.
hex() { printf '%s' "$1" | sha256sum | cut -c1-"${2:-64}"; }
sha512_b64() { printf "$(printf '%s' "$1" | sha512sum | cut -c1-128 | sed 's/../\\x&/g')" | base64 -w0; }
uuid() { local h; h=$(hex "$1" 32); echo "${h:0:8}-${h:8:4}-4${h:13:3}-a${h:17:3}-${h:20:12}"; }

write .env.example <<'TXT'
# Copy to .env and fill in. Never commit real values.
NODE_ENV=development
OPENAI_API_KEY=sk-proj-...
ANTHROPIC_API_KEY=sk-ant-api03-your-key-here
STRIPE_SECRET_KEY=sk_test_xxxxxxxxxxxxxxxxxxxxxxxx
STRIPE_WEBHOOK_SECRET=whsec_...
DATABASE_URL=postgresql://USER:PASSWORD@HOST:5432/DATABASE
REDIS_URL=redis://localhost:6379
JWT_SECRET=change-me-in-production
SESSION_SECRET=<generate with openssl rand -hex 32>
AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX
SENDGRID_API_KEY=SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
TXT

write .env.development <<'TXT'
DATABASE_URL=postgres://app:devpass123@localhost:5432/app_dev
SECRET_KEY=${SECRET_KEY:-insecure-dev-key}
API_TOKEN=${{ secrets.API_TOKEN }}
TXT

write docker-compose.yml <<'TXT'
services:
  db:
    image: postgres:16
    environment:
      POSTGRES_USER: postgres
      POSTGRES_PASSWORD: postgres
      POSTGRES_DB: app
  api:
    build: .
    environment:
      DATABASE_URL: postgres://postgres:postgres@db:5432/app
      REDIS_URL: redis://redis:6379/0
      RABBITMQ_URL: amqp://guest:guest@rabbitmq:5672/
      JWT_SECRET: ${JWT_SECRET}
      PASSWORD_RESET_TTL: "3600"
TXT

write k8s/configmap.yaml <<'TXT'
apiVersion: v1
kind: ConfigMap
metadata:
  name: api-config
data:
  LOG_LEVEL: info
  FEATURE_FLAGS: checkout,search
TXT
{
  echo "apiVersion: v1"
  echo "kind: Secret"
  echo "metadata:"
  echo "  name: api-secrets"
  echo "type: Opaque"
  echo "data:"
  echo "  DB_PASSWORD: $(printf 'changeme' | base64)"
  echo "  API_TOKEN: $(printf 'REPLACE_ME' | base64)"
} | write k8s/secret.template.yaml

write src/server/auth.ts <<'TXT'
import jwt from "jsonwebtoken";
import { Request, Response, NextFunction } from "express";

export interface Credentials {
  username: string;
  password: string;
  token?: string;
}

const secret = process.env.JWT_SECRET!;
const tokenTtl = Number(process.env.TOKEN_TTL ?? 3600);

export function requireAuth(req: Request, res: Response, next: NextFunction) {
  const token = req.headers.authorization?.split(" ")[1];
  if (!token) return res.status(401).json({ error: "missing token" });
  try {
    (req as any).user = jwt.verify(token, secret);
    next();
  } catch {
    res.status(401).json({ error: "invalid token" });
  }
}

export function sign(userId: string) {
  return jwt.sign({ sub: userId }, secret, { expiresIn: tokenTtl });
}

export const passwordPolicy = { minLength: 12, password_min_length: 12 };
TXT

write src/server/auth.test.ts <<'TXT'
import { sign } from "./auth";

// The sample token from jwt.io.
const sample = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

test("signs", () => {
  const token = sign("user-1");
  expect(token).not.toEqual(sample);
  const password = "password123";
  const apiKey = "test-api-key";
  expect(password).toBeTruthy();
  expect(apiKey).toBeTruthy();
});
TXT

write config/settings.py <<'TXT'
import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = os.getenv("DEBUG", "false") == "true"
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "PASSWORD": os.environ.get("DB_PASSWORD", ""),
        "HOST": "db",
    }
}
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
CSRF_COOKIE_NAME = "csrftoken"
TXT

write terraform/main.tf <<'TXT'
variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_db_instance" "main" {
  identifier = "app-prod"
  username   = "app"
  password   = var.db_password
}

resource "aws_secretsmanager_secret" "api_token" {
  name = "prod/api/token"
}
TXT

{
  echo "name: ci"
  echo "on: [push]"
  echo "jobs:"
  echo "  test:"
  echo "    runs-on: ubuntu-latest"
  echo "    steps:"
  echo "      - uses: actions/checkout@$(hex checkout 40)"
  echo "      - uses: actions/setup-node@$(hex setup-node 40)"
  echo "      - run: npm ci && npm test"
  echo "        env:"
  echo "          API_TOKEN: \${{ secrets.API_TOKEN }}"
  echo "          NPM_TOKEN: \${{ secrets.NPM_TOKEN }}"
} | write .github/workflows/ci.yml

{
  echo "# Changelog"
  for i in $(seq 1 40); do
    echo "- $(hex "commit-$i" 7) Fix token refresh race ($(hex "commit-$i" 40))"
  done
} | write CHANGELOG.md

{
  echo '{'
  echo '  "name": "shop",'
  echo '  "lockfileVersion": 3,'
  echo '  "packages": {'
  for i in $(seq 1 300); do
    name="pkg-$(hex "name-$i" 6)"
    echo "    \"node_modules/$name\": {"
    echo "      \"version\": \"1.$((i % 17)).$((i % 5))\","
    echo "      \"resolved\": \"https://registry.npmjs.org/$name/-/$name-1.$((i % 17)).$((i % 5)).tgz\","
    echo "      \"integrity\": \"sha512-$(sha512_b64 "pkg-$i")\""
    echo "    },"
  done
  echo '    "": {}'
  echo '  }'
  echo '}'
} | write package-lock.json

{
  for i in $(seq 1 150); do
    echo "\"@scope/lib-$(hex "y-$i" 5)@^2.$i.0\":"
    echo "  version \"2.$i.0\""
    echo "  resolved \"https://registry.yarnpkg.com/@scope/lib/-/lib-2.$i.0.tgz#$(hex "y-$i" 40)\""
    echo "  integrity sha512-$(sha512_b64 "yarn-$i")"
    echo
  done
} | write yarn.lock

{
  for i in $(seq 1 120); do
    echo "github.com/acme/mod$i v1.$i.0 h1:$(sha512_b64 "go-$i" | cut -c1-43)="
    echo "github.com/acme/mod$i v1.$i.0/go.mod h1:$(sha512_b64 "gomod-$i" | cut -c1-43)="
  done
} | write go.sum

{
  for i in $(seq 1 80); do
    echo "[[package]]"
    echo "name = \"crate-$i\""
    echo "version = \"0.$i.1\""
    echo "source = \"registry+https://github.com/rust-lang/crates.io-index\""
    echo "checksum = \"$(hex "crate-$i")\""
    echo
  done
} | write Cargo.lock

{
  echo "export const fixtures = ["
  for i in $(seq 1 100); do
    echo "  { id: \"$(uuid "user-$i")\", requestId: \"$(uuid "req-$i")\", tenant_id: \"$(uuid "t-$i")\", etag: \"$(hex "etag-$i" 32)\" },"
  done
  echo "];"
} | write src/test/fixtures.ts

write public/index.html <<TXT
<!doctype html>
<html>
<head>
<meta http-equiv="Content-Security-Policy" content="script-src 'self' 'sha256-$(sha512_b64 csp | cut -c1-43)='">
<link rel="stylesheet" href="/assets/app.$(hex css 8).css" integrity="sha384-$(sha512_b64 css | cut -c1-64)" crossorigin="anonymous">
<script src="/assets/app.$(hex js 8).js" integrity="sha384-$(sha512_b64 js | cut -c1-64)"></script>
</head>
<body><div id="root"></div></body>
</html>
TXT

# A minified production bundle: hashed names, data URIs, escapes, and the public keys a browser
# app is meant to carry (Stripe publishable key, Firebase web config, Supabase anon key).
svg=$(printf '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M12 2L2 7l10 5 10-5-10-5z"/></svg>' | base64 -w0)
png=$(sha512_b64 png)
anon_payload=$(printf '{"iss":"supabase","ref":"qwmkzbfhtrjlvnxpdsga","role":"anon","iat":1716239022,"exp":2031815022}' | base64 -w0 | tr '+/' '-_' | tr -d '=')
{
  printf '"use strict";(self.webpackChunkshop=self.webpackChunkshop||[]).push([[179],{'
  for i in $(seq 1 400); do
    h=$(hex "mod-$i" 12)
    printf '%d:function(e,t,n){var r=n(%d),o=n.n(r),a={className:"Button_root__%s",token:null,csrfToken:"%s",nonce:"%s"};' \
      "$i" "$((i * 7))" "${h:0:5}" "$(hex "csrf-$i" 32)" "$(hex "nonce-$i" 24)"
    printf 't.default=function(e){return o().createElement("img",{src:"data:image/png;base64,%s",alt:"\\u00e9l\\u00e8ve"})};' "$png"
    printf 'e.exports={headers:{Authorization:"Bearer "+e.token,"x-api-key":e.apiKey},url:"/api/v1/items?q=a%%20b%%2Fc&sig="+e.sig,hash:"%s"};},' "$(hex "hash-$i" 40)"
  done
  printf '999:function(e,t,n){t.config={stripeKey:"pk_live_51Hq7LmXc2Vt9LpZr4Kw8NbH3JyF6DsGa1TeUo5RiEqWc8Yt3Pn2Mk7Lv9Jx4Bz6Hd1Fg",'
  printf 'firebase:{apiKey:"AIzaSyC7xq9Lm2VtR4wZp8KcN3bH6jF1dG5sTeY",authDomain:"shop-prod.firebaseapp.com",projectId:"shop-prod"},'
  printf 'supabaseUrl:"https://qwmkzbfhtrjlvnxpdsga.supabase.co",supabaseAnonKey:"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.%s.%s",' "$anon_payload" "$(hex anon-sig 43)"
  printf 'icon:"data:image/svg+xml;base64,%s",password:"",passwordMinLength:12}}}]);\n' "$svg"
  printf '//# sourceMappingURL=main.%s.js.map\n' "$(hex map 8)"
} | write public/assets/main.js

write src/main/resources/application.properties <<'TXT'
spring.datasource.url=jdbc:postgresql://db:5432/shop
spring.datasource.username=shop
spring.datasource.password=${DB_PASSWORD}
jwt.secret=${JWT_SECRET:changeit}
server.ssl.key-store-password=changeit
api.key=${API_KEY}
management.endpoints.web.exposure.include=health,info
TXT

write src/main/java/com/shop/AuthService.java <<'TXT'
package com.shop;

import org.springframework.beans.factory.annotation.Value;

public final class AuthService {
  private static final String TOKEN_HEADER = "Authorization";
  private static final String TOKEN_PREFIX = "Bearer ";
  private static final int PASSWORD_MIN_LENGTH = 12;

  @Value("${api.key}")
  private String apiKey;

  public boolean check(String header, String password) {
    String token = header.startsWith(TOKEN_PREFIX) ? header.substring(TOKEN_PREFIX.length()) : header;
    String passwordHash = hasher.hash(password);
    return tokenStore.isValid(token) && passwordHash.length() >= PASSWORD_MIN_LENGTH;
  }
}
TXT

write locales/fr.json <<'TXT'
{
  "password": "Mot de passe",
  "forgot_password": "Mot de passe oublié ?",
  "token_expired": "Votre session a expiré",
  "api_key_label": "Clé d'API",
  "secret_question": "Question secrète"
}
TXT

write public/login.html <<'TXT'
<form method="post" action="/login">
  <input type="text" name="username" autocomplete="username">
  <input type="password" name="password" autocomplete="current-password" placeholder="Password">
  <input type="hidden" name="csrf_token" value="{{ csrf_token }}">
</form>
TXT

write docs/api.md <<'TXT'
# API

Authenticate with your key:

    curl -H 'Authorization: Bearer YOUR_API_TOKEN' https://api.shop.test/v1/items
    export OPENAI_API_KEY=sk-...
    export STRIPE_SECRET_KEY=sk_test_4eC39HqLyjWDarjtT1zdp7dc   # Stripe's documented test key

Connection strings look like `postgres://user:password@host:5432/db` or
`mongodb+srv://<username>:<password>@cluster0.example.mongodb.net/`.
TXT

write tests/test_api.py <<'TXT'
API_KEY = "test"
SECRET = "not-a-real-secret"

def test_login(client):
    resp = client.post("/login", json={"username": "alice", "password": "hunter2"})
    assert resp.status_code == 200
    token = resp.json()["token"]
    assert token
TXT

write scripts/gen_keys.sh <<'TXT'
#!/bin/sh
openssl genrsa -out private.pem 2048
ssh-keygen -t ed25519 -f id_ed25519 -N ""
echo "-----BEGIN RSA PRIVATE KEY-----"
echo "...paste your key here..."
echo "-----END RSA PRIVATE KEY-----"
TXT

write crypto/vectors_test.go <<TXT
package crypto

var vectors = []struct{ key, iv, expected_sha256 string }{
	{key: "000102030405060708090a0b0c0d0e0f", iv: "0f0e0d0c0b0a09080706050403020100", expected_sha256: "$(hex vec-1)"},
	{key: "$(hex "aes-2" 32)", iv: "$(hex "iv-2" 32)", expected_sha256: "$(hex vec-2)"},
}
TXT

at 0
commit_all "Shop app"
