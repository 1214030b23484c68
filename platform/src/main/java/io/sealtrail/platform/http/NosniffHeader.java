package io.sealtrail.platform.http;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponse;
import jakarta.inject.Singleton;

/**
 * Adds {@code X-Content-Type-Options: nosniff} to every response of the server, at the Netty level:
 * routes, problems, the console's files, and the answers Micronaut gives before any route or filter
 * runs (an illegal request target). A browser then never guesses a script out of a problem body.
 */
@Singleton
final class NosniffHeader implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
  static final String NAME = "X-Content-Type-Options";
  private static final ChannelHandler HANDLER = new Handler();

  @Override
  public NettyServerCustomizer.Registry onCreated(
      BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
    event.getBean().register(new Customizer(null));
    return event.getBean();
  }

  private record Customizer(Channel channel) implements NettyServerCustomizer {
    @Override
    public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
      return new Customizer(channel);
    }

    @Override
    public void onStreamPipelineBuilt() {
      ChannelPipeline pipeline = channel.pipeline();
      // Between the codec and Micronaut's handler, so that every response written passes it.
      if (pipeline.get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null) {
        pipeline.addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, "nosniff", HANDLER);
      } else if (pipeline.get(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND) != null) {
        pipeline.addBefore(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND, "nosniff", HANDLER);
      }
    }
  }

  @ChannelHandler.Sharable
  private static final class Handler extends ChannelOutboundHandlerAdapter {
    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
      if (msg instanceof HttpResponse response) {
        response.headers().set(NAME, "nosniff");
      }
      ctx.write(msg, promise);
    }
  }
}
