// Loaded on demand: a separate chunk that no <script> tag names.
const ANTHROPIC_KEY =
  "sk-ant-api03-XM3enOytNgMujofT5pOSaPFPbiMhVNpweLz-_0ofVrP6CGwX2jT5kWKgBRindYIYvTE7ElxRE72ZlnaRW2xBY-hNPPnkbAA";

export default function Admin() {
  return <p data-key-length={ANTHROPIC_KEY.length}>Admin tools</p>;
}
