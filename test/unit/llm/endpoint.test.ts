import { describe, expect, it } from 'vitest';
import { chatCompletionsUrl, describeEndpoint, isLoopbackAddress } from '../../../src-main/analysis/llm/endpoint';

describe('where an endpoint sends text', () => {
  it('treats only loopback as this machine', () => {
    for (const url of ['http://127.0.0.1:8080/v1', 'http://127.8.9.10/v1', 'http://[::1]:11434/v1', 'http://localhost:11434/v1', 'http://llm.localhost/v1', 'http://[::ffff:127.0.0.1]/v1']) {
      expect(describeEndpoint(url), url).toMatchObject({ loopback: true, leavesMachine: false });
    }
    for (const url of ['http://192.168.1.20:8080/v1', 'http://10.0.0.5/v1', 'http://0.0.0.0:8080/v1', 'https://api.openai.com/v1', 'http://localhost.example.com/v1', 'http://[::2]/v1', 'not a url']) {
      expect(describeEndpoint(url), url).toMatchObject({ loopback: false, leavesMachine: true });
    }
  });

  it('says so in words the settings page can show', () => {
    expect(describeEndpoint('https://api.example.com/v1').description).toMatch(/another machine.*sent over the network/);
    expect(describeEndpoint('http://127.0.0.1:8080/v1').description).toMatch(/stays on this machine/);
  });

  it('recognises loopback addresses only', () => {
    expect(isLoopbackAddress('127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('::1')).toBe(true);
    expect(isLoopbackAddress('128.0.0.1')).toBe(false);
    expect(isLoopbackAddress('localhost')).toBe(false);
  });

  it('accepts a base URL or the full chat completions URL', () => {
    expect(chatCompletionsUrl('http://127.0.0.1:8080/v1/').href).toBe('http://127.0.0.1:8080/v1/chat/completions');
    expect(chatCompletionsUrl('http://127.0.0.1:8080/v1/chat/completions').href).toBe('http://127.0.0.1:8080/v1/chat/completions');
  });
});
