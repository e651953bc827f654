// Read at run time from the server's environment (.env.local here): never built into the output.
const stripe = process.env.STRIPE_SECRET_KEY;

export async function POST(request) {
  const { charge } = await request.json();
  const response = await fetch("https://api.stripe.com/v1/refunds", {
    method: "POST",
    headers: { Authorization: `Bearer ${stripe}` },
    body: new URLSearchParams({ charge }),
  });
  return Response.json(await response.json(), { status: response.status });
}
