import { lazy, Suspense, useState } from "react";
import { stripePublishableKey, stripeSecretKey } from "./config.js";

const Admin = lazy(() => import("./Admin.jsx"));

async function ask(question) {
  const response = await fetch("https://api.openai.com/v1/responses", {
    method: "POST",
    headers: {
      Authorization: `Bearer ${import.meta.env.VITE_OPENAI_API_KEY}`,
      "Content-Type": "application/json",
    },
    body: JSON.stringify({ model: "gpt-4.1-mini", input: question }),
  });
  return response.json();
}

async function refund(charge) {
  return fetch("https://api.stripe.com/v1/refunds", {
    method: "POST",
    headers: { Authorization: `Bearer ${stripeSecretKey}` },
    body: new URLSearchParams({ charge }),
  });
}

export default function App() {
  const [admin, setAdmin] = useState(false);
  return (
    <main data-stripe={stripePublishableKey}>
      <button onClick={() => ask("Hello?")}>Ask</button>
      <button onClick={() => refund("ch_1")}>Refund</button>
      <button onClick={() => setAdmin(true)}>Admin</button>
      {admin && (
        <Suspense fallback="…">
          <Admin />
        </Suspense>
      )}
    </main>
  );
}
