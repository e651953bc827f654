// Server-only: a route handler runs on the server, so this key lands in .next/server, not in
// what browsers download. Still a secret in the code and its history.
const ANTHROPIC_API_KEY =
  "sk-ant-api03-glelt0mumZJIaQu9BpXTz8VfFWblCk_YU3m7q3LxkSZSuQiKUYJ9Tghs1TzQn_nEHXqIPmcqFmm1wEWd1eTGwov5RQTYgAA";

export async function POST(request) {
  const { question } = await request.json();
  const response = await fetch("https://api.anthropic.com/v1/messages", {
    method: "POST",
    headers: { "x-api-key": ANTHROPIC_API_KEY, "anthropic-version": "2023-06-01" },
    body: JSON.stringify({
      model: "claude-sonnet-4-5",
      max_tokens: 256,
      messages: [{ role: "user", content: question }],
    }),
  });
  return Response.json(await response.json());
}
