import ChatBox from "./components/ChatBox";

export default function Home() {
  return (
    <main>
      <h1>Support</h1>
      <ChatBox />
    </main>
  );
}
