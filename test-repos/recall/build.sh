#!/usr/bin/env bash
# Recall fixture: one planted credential (or more) for each family of rules, in the file types
# where they leak — env files, YAML, code, Kubernetes secrets (base64), Docker configs, shell
# scripts, key files, a bundle with escaped and percent-encoded strings. Every one must be found by
# the right rule (see expected.jsonl). The values are random, valid for no account.
# usage: build.sh DIR
source "$(dirname "$0")/../lib.sh"
fixture_init "$1"

write .env <<'TXT'
OPENAI_API_KEY=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
ANTHROPIC_API_KEY=sk-ant-api03-nacSlwKf3LVsMoRXdo9akujrdR_vZwee9JdOKSAgPtT2uoSyMn26yXddOdB-fN6bvfCK2GU7hzY2EwGzq_Ee54-La2rSNAA
GROQ_API_KEY=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
REPLICATE_API_TOKEN=r8_HgCqgJzlX9XU4DhFYLJByxpSvmhNPEcN7Xzzh
HF_TOKEN=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
PERPLEXITY_API_KEY=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
XAI_API_KEY=xai-wcBHKUTey6ks3En16KCMtKe47LEQK45OKo5uJLa3tlKeEiOSW1byk7TJCSCH6AwvhOzrLnUWos8OuXxn
LANGCHAIN_API_KEY=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
OPENROUTER_API_KEY=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
PINECONE_API_KEY=pcsk_2LstP5_p9mjYGxztAHO0I9pN0oXmU9fB9EApOJSrK9xjsl0HD5yYZMO7jl81RMa0Pg7nBR
MISTRAL_API_KEY=vPHhxVgvnN1mLJ34hRj549Gp3AGngFHx
COHERE_API_KEY=m2P1Eb8e1KdPcKJJuIvNPkWDH1Ec9QYB5TYMncbN
TOGETHER_API_KEY=09788f38b336bd905cf448234221f8072846a51ed9506bde9e0a8a5fe7440f67
ELEVENLABS_API_KEY=sk_f7084670848ab97e0adc923d3d3e546c1d4347362479cf03
DEEPSEEK_API_KEY=sk-173a02b6c7c8de36aee4769951d2e1eb
FIREWORKS_API_KEY=fw_UKViswTIfeh66qSc6O5CyEWu
GEMINI_API_KEY=AIza7D6h0VnpUutZY4bzc0yCLdtl0CTq-6aWPv0
STRIPE_SECRET_KEY=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
STRIPE_RESTRICTED_KEY=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
STRIPE_WEBHOOK_SECRET=whsec_fKUrwwx3WSS2CWRdkdmgpjtexpwky1BB
PAYPAL_CLIENT_SECRET=E12YvsAyV-Hf8J11oW7fk0w6aEBfkhrfv86AfyOVOnIRIJzMMJcWPvNKhKmA7g9Lu8uvk5WV-TU3BnEs
SQUARE_ACCESS_TOKEN=EAAARoHJm1in2r24UnG0GUu8RxkR_j_IjiMZTaj4KZAhwf_i7Pq4JCc-KG4UTDVz
PADDLE_API_KEY=pdl_live_apikey_bm20iq58feyw3ffraisfiu0pvp_W7QqYPx8ceiYJTaVRsYWxX_HvJ
DIGITALOCEAN_TOKEN=dop_v1_b226c31b4b7ae6f5b11873a00f842c052a69fbc6ea26e31c5b93a40b0ab6cce2
CLOUDFLARE_API_TOKEN=jsHcdprySHGggsPdCO4k2kBi195u0Gcnhn7nT00p
HEROKU_API_KEY=HRKU-AAbB2XBWiGb8LHYmgOBngD4xLC4Cdc68ss-BMSlGd8ylr5__nSDoojpYZM
VERCEL_TOKEN=XFnr2SCu6QOzncZCyU3ygSqQ
NETLIFY_AUTH_TOKEN=nfp_6VvjzOr0FJ839I2UWFZKHW6qO4XsOuF9CemF
FLY_API_TOKEN="FlyV1 fm2_6k8G6dP4ccVS2QNcX/R9ruY6lWZDvZvbDu3bshI1qzfhCzIm8UaWX7RGpSjTlYSVJjX3V6oLq+dQdBOujFmIvosQ6McYi3y0t+9eoMQoAC2Nb6Jha1L3t2JXEjulmJUAVHcer9Oh4RYNWc6eY/ZNH20yI4q9NXx9N9hwrNDOuBRsdpSdSSecd9+sr4PzQJbXEbettvQyqstGiunxMFeZqMWCA5p4fj5EhiBoVqjqHXhdW3dPQ6eQXqSLt3hznI1qcx5SxuEnGwwn4KHq0N5cPDFqT0Lb20X703CFGCAUpiZG"
RENDER_API_KEY=rnd_32QsXU6obn53pueJm6lyXmt3txciMyIi
SUPABASE_SECRET_KEY=sb_secret_gXs84y9fBs6biYupS8VSMY_YxpWJEuV
SUPABASE_SERVICE_ROLE_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6Imh6cXB4bWJ2dGxya3djbmp5ZHNhIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTcxNjIzOTAyMiwiZXhwIjoyMDMxODE1MDIyfQ.ida7Q-lI8wsyTteFgetKMTvEr6hpLDbKk-dwedxsviS
CLERK_SECRET_KEY=sk_live_BQYu53L0AQzXtRLEVK2acwp946mZ85UO8jg51QACym
AUTH0_CLIENT_SECRET=vqXd3hTiU2zVZzca1lBPgIk9MkHDKP5D5_B1gWhBD_6eX0arF0X2-UZMcPe1uAvM
PLANETSCALE_SERVICE_TOKEN=pscale_tkn_mzrE0TLJdOiBjmj2Jd7jVxLEAYGFV8PLruItP0YKckB
UPSTASH_REDIS_REST_TOKEN=AX2K1fDOWAiK_dPWBp0CEPaxXpe8TBJ1Na8QauRqci1EbF_1iW0B1Lc778Nx
NEON_API_KEY=napi_crwb4nhz9q173z45tef0lzkw6s9be0kvgc0whyf39ol7nhjd7431ugy08yjvli1y
GITHUB_TOKEN=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
GITLAB_TOKEN=glpat-l-ZkqKgekisvBdMzqhjZ
NPM_TOKEN=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
DOCKERHUB_TOKEN=dckr_pat_wQT6UyO-MyRhM4BYKV_WntbMSxL
SENTRY_AUTH_TOKEN=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
JIRA_API_TOKEN=ATATT3xFfGF0u6CL6CNRuLUV_WNDDRmhMPcyI_0dQ7ongx2vfnKljShIFjfpmHjapqNxvAlUnYHnt-MfRhcLuoePmUH8N0w0O3XAJJeTgXueDv0WF-uXBxne-JscJYbQRtOMT3gDtJGPoJkmEanSi4RLadkikIhZua8suwNtK614cLO42Toe-g=64EED89D
LINEAR_API_KEY=lin_api_7dsYWcw1WT8HxmjbiDVnS40ZwHH97cJYsa79Ht8z
NOTION_TOKEN=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
SLACK_BOT_TOKEN=xoxb-517276978956-6143588405917-14SjtlJFwMD9mGLyP3pxDo9I
SLACK_APP_TOKEN=xapp-1-A00MOI2IMSZ-7315282856422-f6ccf9b6dadad4ffb07ea1212c234dc00382ba2af7ed81e28260a2ec0f886399
SLACK_WEBHOOK_URL=https://hooks.slack.com/services/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
DISCORD_WEBHOOK_URL=https://discord.com/api/webhooks/9265392425048519499/lDImJvTWeu41i507uxenbz3FbiAJ_k9YKJYWc2oePZbh8RA42DdT9a8zrZMPNMhMTaNb
TELEGRAM_BOT_TOKEN=6863176703:AAtbf8b1dwKy21kksNix5Vs2230OqbHyM9S
SENDGRID_API_KEY=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
MAILGUN_API_KEY=key-72f2e1ac728a8d2b59e9ec90414830f4
POSTMARK_SERVER_TOKEN=70882339-c7ae-4016-a43f-62ff7ee8bc3b
RESEND_API_KEY=re_MhlfXg9f_OCmeJ35lC7NCb75sNoOKk0m4
MAILCHIMP_API_KEY=653c1ad4c003acc6cf0d90b4c951c9c6-us21
TXT

write config/production.yaml <<'TXT'
aws:
  aws_access_key_id: AKIA6SELCCZITYVYKR2Z
  aws_secret_access_key: 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
azure:
  storage: "DefaultEndpointsProtocol=https;AccountName=shopassets;AccountKey=FRmCioRB5jUPvaomKR2D+gj7a8mZ5lY0PD9pCH5apQlgDBEe7b6mapmT5AIN79uFr4b4nlbEMCWHKWuI/E1XRq==;EndpointSuffix=core.windows.net"
  client_secret: RKT8Q~TgwBpOuVz8ILE2JBYzXg8ek40grcL8XFh6
twilio:
  account_sid: ACde74fb39b43b6048a14c5e5917948595
  twilio_auth_token: 83d65295b07eac2fa45660bfad4597ac
database:
  url: postgresql://orders:bSwmGQVD4hJzsjBmf1QA@orders-db.cluster-c9x2.eu-west-1.rds.amazonaws.com:5432/orders
  replica: mysql://report:mH1mb0pQ4Y07Qx7Khz@10.20.4.17:3306/reporting
  mongo: mongodb+srv://api:TqYgZLywKQ31M9f2@cluster0.ab1cd.mongodb.net/shop?retryWrites=true
  cache: rediss://default:ZkcQFlAw9S3bFoOFQ7mish5bsUfDrDdY@eu1-fancy-owl-31337.upstash.io:6379
  broker: amqps://xkqvtbsd:7IkiLnFFQpX1ojmbK2uIDuffQGy7uftX@rattlesnake.rmq.cloudamqp.com/xkqvtbsd
session:
  secret: z7uKxZOV5j9yVtrWhJJTE3H1npUFNkmvNw8vOsD3
  password: 414vnC#glrSWq!
TXT

write src/clients.ts <<'TXT'
import Stripe from "stripe";

export const stripe = new Stripe("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");
const firebaseConfig = {
  apiKey: "AIzad3sDf1KrYjG1mIIbw6-bBLJGykfXhdqujdJ",
  authDomain: "shop-prod.firebaseapp.com",
};
export const gitlabDeploy = "gldt-AwUUZaiB8a1x0ybPECXT";
export const vault = { token: "hvs.REk_zdhu-WgxdzHOAohABN2kciBYySGmRu5Vj4GQOSBWBeILXi1k_X18R_e1wfdKQF9UClz2YHyoc8g3QviuEkmJAgs20Lx" };
export const shopify = "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";
export const sq = "sq0csp--WVvLLTUUVeN984pGouQfsRVAN_Iidv_m-h1rMkXOrv";
export const age = "AGE-SECRET-KEY-1RECTGZUMD3AYWX5J7RETRDHHCTXQFN2FLKF6ZCWTMP2C9WNRLJ6JYGKU3R";
export const googleSecret = "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";
export const postman = "PMAK-a60137212ecd23a06f3c00d7-fb310bd50c5c0212a4f952f3385a5de145";
export const brevo = "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";
TXT

{
  echo "apiVersion: v1"
  echo "kind: Secret"
  echo "metadata:"
  echo "  name: api"
  echo "type: Opaque"
  echo "data:"
  echo "  STRIPE_SECRET_KEY: $(printf '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' | base64 -w0)"
  echo "  DB_PASSWORD: $(printf 'WT7ldKBT#8htYh!' | base64 -w0)"
} | write k8s/secret.yaml

write scripts/deploy.sh <<'TXT'
#!/bin/sh
curl -fsS -H "Authorization: Basic Y2ktZGVwbG95ZXI6Q2FvMTVUdWQxak43bGo4OA==" https://ci.acme-corp.net/api/deploy
git clone https://deploy:9zbjuqsHtacqwW7YpAEM@git.acme-corp.net/shop/infra.git
TXT

write docker/config.json <<'TXT'
{"auths": {"registry.acme-corp.net": {"auth": "ZGVwbG95ZXI6V0V1WnZuQjY3WmI4Z3hsTA=="}}}
TXT

write gcp/service-account.json <<'TXT'
{
  "type": "service_account",
  "project_id": "shop-prod",
  "private_key_id": "ca4881b10287a9584a1ae0446ce74bb5320573d9",
  "private_key": "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ+jurQ99vbPZvPKTr4AvcsP2sUmzYJ3zCPXO3KQ6yd6\n-----END PRIVATE KEY-----\n",
  "client_email": "deploy@shop-prod.iam.gserviceaccount.com"
}
TXT

write keys/deploy_ec.pem <<'TXT'
-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIJVydXsIMQ/A6wpgDK9jz3OYx25ruv3maM/OxQqvP0hioAoGCCqGSM49
AwEHoUQDQgAEfoIt7VbqQnOIQORW/fY8607g3p4SBXL27skiRp991R4Om4JnV5G7
M5UW2TGuOHbLguC4wK+zac50Wr/Bi7gUdA==
-----END EC PRIVATE KEY-----
TXT

write keys/backup.asc <<'TXT'
-----BEGIN PGP PRIVATE KEY BLOCK-----

lFgEZcQTPG6y/qKSgf8rnGXFgtX2K8Frsc6qJ3b+734/Tc6fqZe51Dgelwsh9FUNou
P/XsM7sdapU51kdaMp8OT4RMmAF2ow5RjAT8CfRClNyPPv4t8p23x73uFsLx8k+g
=kPLZ
-----END PGP PRIVATE KEY BLOCK-----
TXT

write app/settings.py <<'TXT'
import os

DEBUG = False
SECRET_KEY = "ouMf435P8ONcgUbcQsr2H65GL6Cb9lslcd9ynuMURqOLtJ0ZF2"
EMAIL_HOST_PASSWORD = "YlZo4Ni$Q0vsUq"
TXT

# A bundle hiding keys in JavaScript escapes and percent-encoding.
{
  printf 'var k="'
  printf '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' | od -An -tx1 -v | tr -s ' \n' ' ' | sed 's/ *$//; s/^ *//; s/ /\\x/g; s/^/\\x/'
  printf '";\n'
  printf 'fetch("/hook?u=%s");\n' "$(printf 'https://hooks.slack.com/services/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' | sed 's/:/%3A/g; s#/#%2F#g')"
} | write web/bundle.js

at 0
commit_all "Everything leaks"
