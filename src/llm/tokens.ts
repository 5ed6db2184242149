/**
 * Prompt size without the model's tokenizer (the client has none). English
 * text averages about four characters per token; digits are counted one token
 * each because Gemma's and Llama's tokenizers split numbers into single digits
 * (Llama 3 into groups of up to three), and a fact sheet is mostly numbers. So
 * the estimate errs high, which is the safe side for sizing `num_ctx`.
 */
export function estimateTokens(text: string): number {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  return digits + Math.ceil((text.length - digits) / 4);
}
