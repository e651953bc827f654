#!/usr/bin/env bash
# Config-leaks fixture: the credentials real projects leak, one real-looking credential in each
# format (the config files of tools, servers and frameworks), each with look-alike placeholders
# beside it. Every credential must be found with the right rule at the right line; no placeholder
# may be reported above `low` (see expected.jsonl). The values are fixtures, valid for no account.
# usage: build.sh DIR
source "$(dirname "$0")/../lib.sh"
fixture_init "$1"

b64() { printf '%s' "$1" | base64 -w0; }

# Weak and strong literal passwords, a Laravel key; placeholders matched as whole values.
write .env <<'TXT'
APP_NAME=shop
APP_KEY=base64:q7Zx2LpV9tKc4WmN8rBd3YhF6sJg1QeA5uTo0iXkR2w=
DB_PASSWORD=Vq8!zL2x#Rt4
SMTP_PASS=hunter2
db_pass="admin2024!"
MAIL_PASSWORD=changeme
REDIS_PASSWORD=${REDIS_PASSWORD}
BACKUP_PASSWORD=your-password-here
LEGACY_PASSWORD=xxxxxxxx
TXT

# Rails: a quoted password with spaces and punctuation; the master key.
write config/database.yml <<'TXT'
production:
  adapter: postgresql
  username: shop
  password: "Gr4vel Lynx (prod);v2"
development:
  password: <%= ENV["DB_PASSWORD"] %>
TXT
printf '3f9a1c7e2b84d6f0a9e1c3b5d7f2a4e6\n' | write config/master.key

# .netrc, .pgpass, .git-credentials: the files curl, git and psql read.
write .netrc <<'TXT'
machine git.acme-corp.net
  login ada
  password Xk7!pQ2vLz
machine example.com login USER password PASSWORD
TXT
write .pgpass <<'TXT'
# hostname:port:database:username:password
db.acme-corp.net:5432:orders:app:Qz8!vX2mLp
localhost:5432:*:postgres:postgres
TXT
write .git-credentials <<'TXT'
https://ada.lovelace@acme-corp.net:Gh7Lq2Vx9Kp4@git.acme-corp.net
https://USER:PASSWORD@git.acme-corp.net
TXT

# npm registry credentials: a token, a base64 user:password, and a variable.
{
  echo "//npm.acme-corp.net/:_authToken=Zk3vQ9xLp2Rt7WmB4nHc8YsD"
  echo "//npm.internal.acme-corp.net/:_auth=$(b64 'deploy:Xk7pQ2vLz9Rt')"
  echo "//registry.npmjs.org/:_authToken=\${NPM_TOKEN}"
} | write .npmrc

# s3cmd's configuration: the access key id far above its secret.
{
  echo "[default]"
  echo "access_key = AKIAXO3DNUGJ7UJEYKVI"
  for opt in access_token add_encoding_exts add_headers bucket_location ca_certs_file cache_file \
    check_ssl_certificate check_ssl_hostname cloudfront_host default_mime_type delay_updates \
    delete_after delete_after_fetch delete_removed dry_run enable_multipart encoding encrypt \
    expiry_date expiry_days expiry_prefix follow_symlinks force get_continue gpg_command; do
    echo "$opt = "
  done
  echo "host_base = s3.amazonaws.com"
  echo "secret_key = kaRrgwffxyCBZNbR4x292nSygcb8ebr32VhbMpN8"
} | write .s3cfg

# The AWS CLI's credentials: the pair's two lines are both its locations.
write .aws/credentials <<'TXT'
[deploy]
aws_access_key_id = AKIAQ3EGUMVNLH7PZX4K
aws_secret_access_key = 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
TXT

# Directives: a mail client's and Redis's.
write .esmtprc <<'TXT'
hostname smtp.acme-corp.net:587
username "ada"
password "Zt7!pQ2wLx"
TXT
write deploy/redis.conf <<'TXT'
# requirepass foobared
requirepass Hq9zL2vX7pR4
TXT

# Password hashes: crackable offline, low severity.
write deploy/.htpasswd <<'TXT'
admin:$apr1$Lq2xZt9v$MoDKdkmMdvw9w5AVl0xQa/
TXT
write deploy/shadow <<'TXT'
root:$6$Vd8kQ2pL$2n0gsBCvIHU85WJcfkgGX47G42he/7Q2oZMVpKkDfoMF6GkTjaRhD1UpnHFJviOOOmVRru8RQAtazaLcbLrx4/:19700:0:99999:7:::
nobody:*:19700:0:99999:7:::
TXT

# FTP client site list (FileZilla), IDE deployment and SFTP configs.
{
  echo '<?xml version="1.0" encoding="UTF-8"?>'
  echo '<FileZilla3><Servers>'
  echo '  <Server><Host>ftp.acme-corp.net</Host><User>ada</User>'
  echo "    <Pass encoding=\"base64\">$(b64 'Kw3!vZq8Lp2x')</Pass></Server>"
  echo '  <Server><Host>ftp.example.com</Host><User>anonymous</User><Pass encoding="base64"></Pass></Server>'
  echo '</Servers></FileZilla3>'
} | write ftp/sitemanager.xml
write .idea/webServers.xml <<'TXT'
<project version="4">
  <component name="WebServers">
    <option name="password" value="Wk3!xZq8Lp" />
    <option name="passwordHint" value="the usual" />
  </component>
</project>
TXT
write .vscode/sftp.json <<'TXT'
{
  "host": "sftp.acme-corp.net",
  "username": "deploy",
  "password": "Mv8#qT2zLx",
  "privateKeyPath": "~/.ssh/id_ed25519",
  "passphrase": "<passphrase>"
}
TXT

# Database GUI clients' saved connections.
write db/compass-connections.json <<'TXT'
[{"name": "orders", "connectionString": "mongodb+srv://app:Zk3f9QwT7xLm2PvR@orders.ab1cd.mongodb.net/prod"}]
TXT
write db/redisinsight.json <<'TXT'
[{"host": "cache.acme-corp.net", "port": 6379, "username": "default", "pass": "Rq9!vL2xZt"}]
TXT

# A browser's password export.
write browser/passwords.csv <<'TXT'
name,url,username,password,note
acme,https://shop.acme-corp.net/login,ada,Rq7!xL2vZp,
TXT

# Docker and Kubernetes client credentials.
printf '{"auths": {"registry.acme-corp.net": {"auth": "%s"}, "ghcr.io": {"auth": "%s"}}}\n' \
  "$(b64 'deployer:Vb6nQ2xR8tLp')" "$(b64 'user:token')" | write .docker/config.json
ec_key=$(printf '%s\n' '-----BEGIN EC PRIVATE KEY-----' \
  'MHcCAQEEIJVydXsIMQ/A6wpgDK9jz3OYx25ruv3maM/OxQqvP0hioAoGCCqGSM49' \
  'AwEHoUQDQgAEfoIt7VbqQnOIQORW/fY8607g3p4SBXL27skiRp991R4Om4JnV5G7' \
  'M5UW2TGuOHbLguC4wK+zac50Wr/Bi7gUdA==' '-----END EC PRIVATE KEY-----' | base64 -w0)
{
  echo "apiVersion: v1"
  echo "kind: Config"
  echo "users:"
  echo "- name: admin"
  echo "  user:"
  echo "    client-certificate-data: $(b64 'not a certificate in this fixture')"
  echo "    client-key-data: $ec_key"
  echo "- name: ci"
  echo "  user:"
  echo "    token: kq7Zx2LpV9tKc4WmN8rBd3YhF6sJg1Qe"
} | write .kube/config

# Terraform state: attributes in clear.
write terraform/terraform.tfstate <<'TXT'
{
  "version": 4,
  "resources": [{"type": "aws_db_instance", "instances": [{"attributes": {
    "username": "app",
    "password": "Tf7!qL2zVx9k",
    "master_password": null
  }}]}]
}
TXT

# WordPress: define() with punctuation, a salt, and the sample file's phrase.
write wordpress/wp-config.php <<'TXT'
<?php
define( 'DB_PASSWORD', 'c7Q!x(9)z;W2 k' );
define( 'AUTH_KEY', 'k]7#Lq2@vZ!x9Pm;Rt4&Wb8*Yc1^Nd5%Hf3(Gj6)Ks0_Tu-Vw+Xy=z~' );
define( 'SECURE_AUTH_KEY', 'put your unique phrase here' );
TXT

# Django: a generated secret key full of punctuation, and its placeholder.
write django/settings.py <<'TXT'
SECRET_KEY = 'django-insecure-+x2k#q9(v8w!)p3z^m7b@l1r6t&y0u=s-e4n_c5d)f8g(h'
TXT
write django/settings_example.py <<'TXT'
SECRET_KEY = 'django-insecure-please-change-me'
TXT

# Code: a password passed to a login call; prose and documentation look-alikes.
write app/mailer.py <<'TXT'
import smtplib

def send(msg, user, password):
    server = smtplib.SMTP_SSL("smtp.acme-corp.net")
    server.login('ada@acme-corp.net', 'Jq7!vL2xZp')
    server.login(user, password)
    # Authorization: Basic base64(alice:secret-passwd)
    # curl -x http://login-on-proxy:passwd-on-proxy@proxy.local.net:8080
TXT

# A test fixture: still a finding, one severity lower and marked as test.
write spec/fixtures/users.yml <<'TXT'
ada:
  email: ada@acme-corp.net
  password: Kq8!vZ2xLp
TXT

at 0
commit_all "Config files"

# Credential files that hold no keyword at all, committed and then removed: only the history
# holds them. A history scan proves keyword-free blobs clean without matching them, but a rule
# that reads files by name must still read these.
write ops/legacy/.pgpass <<'TXT'
db-2.acme-corp.net:5432:billing:ledger_app:Wm4!rT8zKq2v
TXT
printf 'b8e4d1c09a7f35e26d4c8b1a0f9e7d3c\n' | write config/credentials/production.key
at 1
commit_all "Legacy database access"
git rm -q ops/legacy/.pgpass config/credentials/production.key
at 2
commit_all "Remove legacy database access"

# Desktop clients' saved passwords, copied in with a user's settings: a WinSCP session (an
# obfuscated password; the session beside it has none) and a Firefox profile's logins (encrypted
# with the profile's key4.db; the entry beside it has an empty password).
write tools/WinSCP.ini <<'TXT'
[Sessions\ada@sftp.acme-corp.net]
HostName=sftp.acme-corp.net
UserName=ada
Password=A35C435B9556B1237C2F6E6D2E3B3A6F6D72726F6F72736F6D756E6F72B66E6B
[Sessions\anonymous@ftp.example.com]
HostName=ftp.example.com
Password=
TXT
write firefox/logins.json <<'TXT'
{"nextId":3,"logins":[
{"id":1,"hostname":"https://shop.acme-corp.net","encryptedUsername":"MDoEEPgAAAAAAAAAAAAAAAAAAAEwFAYIKoZIhvcNAwcECMR0mOtCGk7qBBBz2YjFvJHiD7gN9ZLPz4tN","encryptedPassword":"MDoEEPgAAAAAAAAAAAAAAAAAAAEwFAYIKoZIhvcNAwcECKq0Zc9nmh3yBBBoVgAZ0Ue7lz1H4hYdW+hx","encType":1},
{"id":2,"hostname":"https://example.com","encryptedUsername":"","encryptedPassword":"","encType":1}
]}
TXT
at 3
commit_all "Client settings"
