"use client";

import { useState } from "react";

// A client component: Next inlines NEXT_PUBLIC_ variables into the chunk every browser downloads.
export default function ChatBox() {
  const [reply, setReply] = useState("");
  async function ask(question) {
    const response = await fetch("https://api.openai.com/v1/responses", {
      method: "POST",
      headers: { Authorization: `Bearer ${process.env.NEXT_PUBLIC_OPENAI_API_KEY}` },
      body: JSON.stringify({ model: "gpt-5", input: question }),
    });
    setReply((await response.json()).output_text);
  }
  return (
    <section>
      <button onClick={() => ask("Hello")}>Ask</button>
      <p>{reply}</p>
    </section>
  );
}
